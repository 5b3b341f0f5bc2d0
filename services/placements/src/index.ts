import { runSubgraph } from '@jobcenter/kit';
import { placementsSubgraph } from './server';

runSubgraph(placementsSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
