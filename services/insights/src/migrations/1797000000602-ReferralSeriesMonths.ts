import { MigrationInterface, QueryRunner } from 'typeorm';
import { addSeriesTouchTriggers, dropSeriesTouchTriggers } from './1797000000601-SeriesMonthCells';

/**
 * The referral facts (1797000000101) feed REFERRALS_ACTIVE and REFERRALS_ENDED, whose closed
 * months are kept like every other series' (1797000000601): a change of a referral marks its
 * months from the referral's start on for recomputation.
 */
export class ReferralSeriesMonths1797000000602 implements MigrationInterface {
  name = 'ReferralSeriesMonths1797000000602';

  public async up(q: QueryRunner): Promise<void> {
    await addSeriesTouchTriggers(q, { insights_referral: `start_date::timestamp AT TIME ZONE 'Europe/Copenhagen'` });
  }

  public async down(q: QueryRunner): Promise<void> {
    await dropSeriesTouchTriggers(q, 'insights_referral');
  }
}
