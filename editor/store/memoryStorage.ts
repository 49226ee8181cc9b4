/**
 * Saved state kept in memory and shared by any number of tabs, with the contract IndexedDB gives the app
 * (`idb.ts`): a save is refused unless it is the next revision, and every other tab hears of each save. For tests
 * and stories: the editor itself always saves to IndexedDB.
 */
import { checkRevision, type Persistence, revisionOf } from './persistence.ts';

export class MemoryStorage {
  value: unknown;
  /** Unreadable copies kept aside. */
  kept: unknown[] = [];
  /** Save attempts, refused or not. */
  saves = 0;
  /** Makes the next save (or every save) fail the way a full browser storage does. */
  failNext = false;
  failAll = false;
  private readonly listeners = new Map<Persistence, (revision: number) => void>();

  constructor(value?: unknown) {
    this.value = value;
  }

  get revision(): number {
    return revisionOf(this.value);
  }

  /** One tab's view of the storage. */
  tab(): Persistence {
    const tab: Persistence = {
      load: async () => this.value,
      save: async (value) => {
        this.saves++;
        if (this.failNext || this.failAll) {
          this.failNext = false;
          throw new DOMException('quota', 'QuotaExceededError');
        }
        checkRevision(this.value, value);
        this.value = structuredClone(value);
        for (const [other, listener] of this.listeners) if (other !== tab) listener(value.revision ?? 1);
      },
      keepCorrupt: async (value) => {
        this.kept.push(value);
      },
      watch: (onSaved) => {
        this.listeners.set(tab, onSaved);
        return () => this.listeners.delete(tab);
      },
    };
    return tab;
  }
}
