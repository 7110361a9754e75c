/** The answers given to one questionnaire version: the input of a screening. */
export interface AnswerSet {
  questionnaire: { id: string; version: string };
  /** Item id to option code or `declined`. An item left out is unanswered. */
  answers: Record<string, string>;
  /** Follow-up question id to `yes`, `no` or `declined`. */
  followUps: Record<string, string>;
}

/** The code of an answer she preferred not to give. It gives no points and never counts as negative. */
export const declinedAnswer = 'declined';

/** The answers a follow-up question accepts. */
export const followUpAnswers: readonly string[] = ['yes', 'no', declinedAnswer];
