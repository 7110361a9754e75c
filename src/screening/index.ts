export * from './result.js';
export * from './answer-set.js';
export { checkAnswers } from './answers-check.js';
export { evaluateScreening } from './evaluate.js';
export { deriveCategories } from './categories.js';
export { readAnswersFile, parseAnswersText, prepareAnswers, screen, type PreparedAnswers } from './screen.js';
