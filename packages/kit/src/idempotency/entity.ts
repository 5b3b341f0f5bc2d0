import { Column, Entity, Index, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';

/**
 * One mutation request made with an `Idempotency-Key`: scoped by who asked (actor id) and
 * which mutation fields (operation), with a hash of the request so a key reused for a
 * different request is refused, and the first response kept to answer retries. The row is
 * inserted in the change's own transaction; `response` is null until the answer is stored
 * right after the commit. Rows older than IDEMPOTENCY_KEY_TTL_HOURS are treated as unknown.
 */
@Entity({ name: 'kit_idempotency_key' })
@Index('ix_kit_idempotency_key_created', ['createdAt'])
export class IdempotencyKeyRecord {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_kit_idempotency_key' })
  actorId!: string;

  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'pk_kit_idempotency_key' })
  operation!: string;

  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'pk_kit_idempotency_key' })
  key!: string;

  @Column({ type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'jsonb', nullable: true })
  response!: unknown | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

export class KitIdempotencyKeys1795900000000 implements MigrationInterface {
  name = 'KitIdempotencyKeys1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "kit_idempotency_key" ("actor_id" character varying(64) NOT NULL, "operation" character varying(200) NOT NULL, "key" character varying(200) NOT NULL, "request_hash" character(64) NOT NULL, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_kit_idempotency_key" PRIMARY KEY ("actor_id", "operation", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_kit_idempotency_key_created" ON "kit_idempotency_key" ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_kit_idempotency_key_created"`);
    await queryRunner.query(`DROP TABLE "kit_idempotency_key"`);
  }
}

/** Tables every subgraph gets from the kit, with their migrations (see createDataSource). */
export const KIT_ENTITIES: Function[] = [IdempotencyKeyRecord];
export const KIT_MIGRATIONS: Function[] = [KitIdempotencyKeys1795900000000];
