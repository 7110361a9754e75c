/** Names of the facts the compiled rules read. One place, so compiler and evaluator agree. */
export const factName = {
  answer: (item: string) => `answer:${item}`,
  followUp: (question: string) => `followUp:${question}`,
  score: (indicator: string) => `score:${indicator}`,
  reachable: (indicator: string) => `reachable:${indicator}`,
  applicable: (indicator: string) => `applicable:${indicator}`,
  status: (indicator: string) => `status:${indicator}`,
  positiveCount: 'positiveCount',
} as const;
