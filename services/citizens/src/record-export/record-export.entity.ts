import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A generated record export (GDPR Art. 15), kept for RECORD_EXPORT_HOURS so its PDF and JSON
 * links serve exactly what the answer said, then deleted by the service's housekeeping. The
 * JSON and the PDF are sealed (AES-256-GCM under the CPR keys, bound to the export's id): the
 * document holds the decrypted CPR number and everything else about the citizen.
 */
@Entity('record_export')
@Index('ix_record_export_expires', ['expiresAt'])
export class RecordExportRow {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_record_export' })
  id!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  /** Who asked for it: the citizen, or the staff member answering their request. */
  @Column({ type: 'varchar', length: 80 })
  requestedById!: string;

  @Column({ type: 'varchar', length: 32 })
  requestedByRole!: string;

  @Column({ type: 'timestamptz' })
  generatedAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'text' })
  jsonSealed!: string;

  @Column({ type: 'text' })
  pdfSealed!: string;
}
