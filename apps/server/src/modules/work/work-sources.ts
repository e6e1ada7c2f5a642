import type { Permission, Role } from '@khien/contracts';
import type { EscalationPolicy } from '@khien/formats';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';

/** What a source says about one of its items: what it is called and where its own page is. */
export interface WorkLabel {
  label: string;
  link: string;
}

/** One task or requirement an item must answer, as its source defines it. */
export interface CheckDefinition {
  key: string;
  group: string | null;
  code: string | null;
  text: string;
  dueAt: Date | null;
}

/** The columns of an item a source's hooks are given. */
export interface ItemRef {
  id: string;
  kind: string;
  sourceId: string;
  orgId: string;
  partIds: string[];
  status: string;
}

/**
 * A source of work — directives, the inventory's system checklists, later findings, alerts,
 * incidents — registers one of these with `work` (in app.ts and server.ts), so that `work`
 * imports none of them and still knows what its items are, who sees them and who is told.
 */
export interface WorkSource {
  kind: string;
  /**
   * Who sees, reports and reviews: `read` on the owing org's path (or on the reviewer org's,
   * the issuing side), `report` on the owing org's, `review` on the reviewer org's.
   */
  permissions: { read: Permission; report: Permission; review: Permission };
  /** Reminders and escalation for this kind (evaluated by `@khien/formats` work/escalation.ts). */
  policy: EscalationPolicy;
  /** Who on the owing org is reminded; whose coordinators an escalation reaches up the tree. */
  ownerRoles: readonly Role[];
  escalateRoles: readonly Role[];
  /** Reviewers are told when something is submitted and when their own deadline nears. */
  reviewerRoles: readonly Role[];
  /** Labels and links of many items at once (the to-do page shows 50). */
  describe(db: Db, items: readonly ItemRef[]): Promise<Map<string, WorkLabel>>;
  /** The checks of one item, in the order they are read. */
  checks(db: Db, item: ItemRef): Promise<CheckDefinition[]>;
  /** null when reports are taken; otherwise why not (a closed directive), as a domain reason. */
  refusesReports?(db: Db, item: ItemRef): Promise<string | null>;
  /**
   * Items of this kind no longer owed although not closed (a closed directive's), as SQL over
   * `w` (work_items): left off the to-do page and out of reminders.
   */
  inactiveSql?: SQL;
  /**
   * Moves the source makes itself and authorises itself (a dossier's appraisal is recorded by
   * the inventory): the actions the generic routes must not offer for this kind.
   */
  sourceOnlyActions?: readonly string[];
  /** After a move, inside its transaction (the source's own bookkeeping; never calls back into work). */
  onTransition?(tx: Db, item: ItemRef, change: { from: string; to: string; action: string }): Promise<void>;
}

export class WorkSources {
  private readonly byKind = new Map<string, WorkSource>();

  register(source: WorkSource): void {
    if (this.byKind.has(source.kind)) throw new Error(`work source "${source.kind}" registered twice`);
    this.byKind.set(source.kind, source);
  }

  get(kind: string): WorkSource {
    const s = this.byKind.get(kind);
    if (!s) throw new Error(`no work source "${kind}": register it in app.ts`);
    return s;
  }

  has(kind: string): boolean {
    return this.byKind.has(kind);
  }

  all(): WorkSource[] {
    return [...this.byKind.values()];
  }
}
