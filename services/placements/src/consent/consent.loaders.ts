import { DataSource, In } from 'typeorm';
import { groupedBy, uniqueBy } from '@jobcenter/kit';
import { Consent } from './consent.entity';
import { Disclosure } from './disclosure.entity';

/** The consent module's per-request loaders (spread into the service's createLoaders). */
export const consentLoaders = (dataSource: DataSource) => ({
  consentById: uniqueBy<Consent>(
    (c) => c.id,
    (ids) => dataSource.getRepository(Consent).findBy({ id: In(ids) }),
  ),
  /** Each citizen's consents, newest first (withdrawn and expired ones too). */
  consentsByCitizen: groupedBy<Consent>(
    (c) => c.citizenId,
    (ids) => dataSource.getRepository(Consent).find({ where: { citizenId: In(ids) }, order: { createdAt: 'DESC' } }),
  ),
  /** What was shared of each placement, newest first. */
  disclosuresByPlacement: groupedBy<Disclosure>(
    (d) => d.placementId!,
    (ids) => dataSource.getRepository(Disclosure).find({ where: { placementId: In(ids) }, order: { disclosedAt: 'DESC' } }),
  ),
});
