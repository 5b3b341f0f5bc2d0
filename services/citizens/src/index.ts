import { cprKeysProblem, runSubgraph } from '@jobcenter/kit';
import { citizensSubgraph } from './server';

Promise.resolve()
  // Fail fast: without valid CPR keys the service could neither register nor read a citizen
  // (and in production there are no development defaults to fall back on).
  .then(() => runSubgraph(citizensSubgraph, { checks: [cprKeysProblem] }))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
