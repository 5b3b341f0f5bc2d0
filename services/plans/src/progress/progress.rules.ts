import { badUserInput } from '@jobcenter/kit';
import { ProgressDimension } from './progress.enums';

const SCORE_MIN = 1;
const SCORE_MAX = 10;
const ORDER = Object.values(ProgressDimension);

/**
 * Checks scores for one assessment: at least one, each a whole number 1–10, each dimension
 * once and known. Returns them in the order of the dimensions.
 */
export function checkScores(scores: { dimension: string; score: number }[]): { dimension: ProgressDimension; score: number }[] {
  if (scores.length === 0) throw badUserInput('scores: score at least one dimension.', 'scores');
  const seen = new Set<string>();
  for (const { dimension, score } of scores) {
    if (!ORDER.includes(dimension as ProgressDimension)) {
      throw badUserInput(`scores: ${dimension} is not a dimension; use one of ${ORDER.join(', ')}.`, 'scores');
    }
    if (seen.has(dimension)) throw badUserInput(`scores: ${dimension} is scored twice; give each dimension one score.`, 'scores');
    seen.add(dimension);
    if (!Number.isInteger(score) || score < SCORE_MIN || score > SCORE_MAX) {
      throw badUserInput(`scores: ${dimension} is scored ${score}; a score is a whole number from ${SCORE_MIN} to ${SCORE_MAX}.`, 'scores');
    }
  }
  return sortScores(scores as { dimension: ProgressDimension; score: number }[]);
}

export function sortScores<T extends { dimension: ProgressDimension }>(scores: T[]): T[] {
  return [...scores].sort((a, b) => ORDER.indexOf(a.dimension) - ORDER.indexOf(b.dimension));
}
