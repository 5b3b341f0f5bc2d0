import { SubgraphDefinition } from '@jobcenter/kit';
import { citizensSubgraph } from '@jobcenter/citizens';
import { plansSubgraph } from '@jobcenter/plans';
import { meetingsSubgraph } from '@jobcenter/meetings';
import { placementsSubgraph } from '@jobcenter/placements';

/** Every subgraph of the federation, in the order they start. Add a new service here. */
export const subgraphs: SubgraphDefinition<any>[] = [citizensSubgraph, plansSubgraph, meetingsSubgraph, placementsSubgraph];

/** Where each service's folder is, relative to the project root. */
export const serviceDir = (name: string) => `services/${name}`;
