import { addContact, buildContactIndex, type Contact, type ContactIndex } from '../records';
import { recordProblem } from './blockLogDocs';
import {
  CONTACT_PREFIX,
  byTime,
  contactDocId,
  contactGroup,
  hasLegacyContacts,
  loadContactDocs,
  migrateLegacyContacts,
  readLegacyContacts,
  writeContactDocs,
  type ContactDoc,
  type LoadedContacts,
} from './contactsDocs';
import type { DataProblem } from './records';
import { bumpRecordsGeneration, recordsDb, recordsGeneration } from './recordsDb';
import { WriteListeners } from './writeListeners';

// The contacts' documents (ids, reading, the move from storage) are in contactsDocs.ts; here are
// the background's store of them and pages' reads.

export { contactDocId };

/** Every contact and the problems met reading them. */
export interface ContactsRead {
  contacts: Contact[];
  problems: DataProblem[];
}

/** A contact as written: its document id and revision. */
interface Stored {
  contact: Contact;
  docId: string;
  rev: string;
}

interface Copy {
  generation: number;
  loaded: LoadedContacts;
  /** Built on first use from `loaded.contacts`, then kept up to date as contacts are added. */
  index: ContactIndex | null;
  /**
   * Contacts still kept only where an earlier version kept them, because moving them failed:
   * counted and listed, and moved when the move next succeeds.
   */
  legacy: Contact[];
  problems: DataProblem[];
  /** Problems of this read not yet passed on to a request's reply (see `newProblems`). */
  unreported: DataProblem[];
}

/**
 * The background's contacts: read once from the records database and kept, with the index the
 * repeat-caller rule reads; recording a contact writes one document. The background is the only
 * writer; pages read with `loadContacts`.
 *
 * @example
 * const index = await contactStore.index(new Date());
 * await contactStore.add(contact, new Date()); // 'added', or 'duplicate' if already recorded
 */
export class ContactStore {
  private copy: Copy | null = null;
  private loading: { generation: number; read: Promise<Copy> } | null = null;
  /**
   * Contacts recorded before the full read had finished (`addCold`), by id, for the copy that
   * read makes: its read of the database may have been taken before they were written.
   */
  private pending: { generation: number; added: Map<string, Stored> } | null = null;
  private readonly listeners = new WriteListeners();

  /** Calls `listener` after every write this store makes; returns the function that stops it. */
  onWrite(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  private async current(now: Date): Promise<Copy> {
    const generation = recordsGeneration();
    if (this.copy?.generation === generation) return this.copy;
    if (this.loading?.generation !== generation) {
      const read = this.load(now).finally(() => {
        if (this.loading?.read === read) this.loading = null;
      });
      this.loading = { generation, read };
    }
    return this.loading.read;
  }

  private async load(now: Date): Promise<Copy> {
    const generation = recordsGeneration();
    const db = recordsDb();
    const moved = await migrateLegacyContacts(db, now);
    const problems: DataProblem[] = [];
    let loaded: LoadedContacts;
    let legacy: Contact[] = [];
    if (moved.kind === 'migrated') {
      loaded = moved.loaded;
      problems.push(...moved.problems);
    } else {
      loaded = await loadContactDocs(db, now);
      if (moved.kind === 'failed') {
        problems.push(moved.problem);
        await recordProblem(moved.problem);
        console.error(`Moderator Assist: ${moved.problem.message}`);
        const old = await readLegacyContacts({ quarantine: false, now });
        legacy = old.contacts.filter((c) => !loaded.revs.has(c.id));
      }
    }
    if (loaded.problem) {
      problems.push(loaded.problem);
      await recordProblem(loaded.problem);
      console.warn(`Moderator Assist: ${loaded.problem.message}`);
    }
    if (this.pending?.generation === generation) {
      for (const [id, p] of this.pending.added) {
        if (loaded.revs.has(id)) continue;
        loaded.contacts.push(p.contact);
        loaded.revs.set(id, { docId: p.docId, rev: p.rev });
      }
    }
    const copy: Copy = {
      generation,
      loaded,
      index: null,
      legacy,
      problems,
      unreported: [...problems],
    };
    if (generation === recordsGeneration()) {
      this.copy = copy;
      this.pending = null;
    }
    return copy;
  }

  /** Whether every contact is read and indexed, so `index` answers without reading. */
  ready(): boolean {
    return this.copy?.generation === recordsGeneration();
  }

  /**
   * The contacts of these user keys only, read from their groups' key ranges: what a background
   * that has just started answers a page's status questions from while it reads the rest (at
   * 100,000 contacts that read takes seconds). Null while an older version's contacts are still
   * in storage: they must be moved first, which reads everything.
   */
  async contactsOf(userKeys: readonly string[], now: Date): Promise<Contact[] | null> {
    if (await hasLegacyContacts()) return null;
    const db = recordsDb();
    const want = new Set(userKeys);
    const groups = [...new Set(userKeys.map(contactGroup))];
    // Set-aside documents are reported by the full read, not here.
    const reads = await Promise.all(
      groups.map((g) => loadContactDocs(db, now, `${CONTACT_PREFIX}${g}:`)),
    );
    return reads.flatMap((r) => r.contacts.filter((c) => want.has(c.userKey)));
  }

  /** Every contact (a copy of the list: a caller may keep it), oldest first. */
  async read(now: Date): Promise<ContactsRead> {
    const copy = await this.current(now);
    const contacts = copy.legacy.length
      ? [...copy.loaded.contacts, ...copy.legacy].sort(byTime)
      : [...copy.loaded.contacts];
    return { contacts, problems: [...copy.problems] };
  }

  /**
   * The problems met by the last read that no request has been told of yet: the request that
   * made the read says so in its reply, once.
   */
  newProblems(): DataProblem[] {
    const copy = this.copy;
    if (!copy) return [];
    const out = copy.unreported;
    copy.unreported = [];
    return out;
  }

  /** The index of every contact, built once and then kept up to date as contacts are added. */
  async index(now: Date): Promise<ContactIndex> {
    const copy = await this.current(now);
    copy.index ??= buildContactIndex(
      copy.legacy.length ? [...copy.loaded.contacts, ...copy.legacy] : copy.loaded.contacts,
    );
    return copy.index;
  }

  /**
   * Records `contact` (one document) unless it is already recorded: the same id, or an earlier
   * contact about the same comment (see `addContact`).
   */
  async add(contact: Contact, now: Date): Promise<'added' | 'duplicate'> {
    if (!this.ready()) {
      const cold = await this.addCold(contact, now);
      if (cold !== null) return cold;
    }
    const index = await this.index(now);
    const copy = this.copy;
    if (!copy || copy.index !== index) {
      throw new Error(
        'the contacts changed while they were being read; nothing was saved, try again',
      );
    }
    if (addContact(index, contact) !== 'added') return 'duplicate';
    const doc: ContactDoc = { _id: contactDocId(contact), type: 'contact', contact };
    try {
      const r = await recordsDb().put(doc);
      copy.loaded.revs.set(contact.id, { docId: doc._id, rev: r.rev });
    } catch (err) {
      // The index already counts it: read everything again next time.
      this.copy = null;
      if ((err as { status?: number }).status === 409) return 'duplicate';
      throw new Error(
        `the contact was not saved (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    copy.loaded.contacts.push(contact);
    this.listeners.notify();
    return 'added';
  }

  /**
   * `add` before every contact is read (a service worker that has just started): whether the
   * contact is already recorded is a question about its author only, so it is answered from the
   * author's key range and the contact written (the full read is the caller's to begin). Null when that cannot be
   * done (an older version's contacts still to move, or the full read finished meanwhile).
   */
  private async addCold(contact: Contact, now: Date): Promise<'added' | 'duplicate' | null> {
    const generation = recordsGeneration();
    const mine = await this.contactsOf([contact.userKey], now);
    if (mine === null || this.ready()) return null;
    if (addContact(buildContactIndex(mine), contact) !== 'added') return 'duplicate';
    const doc: ContactDoc = { _id: contactDocId(contact), type: 'contact', contact };
    let rev: string;
    try {
      rev = (await recordsDb().put(doc)).rev;
    } catch (err) {
      if ((err as { status?: number }).status === 409) return 'duplicate';
      throw new Error(
        `the contact was not saved (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    const copy = this.copy;
    if (copy?.generation === generation) {
      // The full read finished while this was written, perhaps without it.
      if (!copy.loaded.revs.has(contact.id)) {
        copy.loaded.contacts.push(contact);
        copy.loaded.revs.set(contact.id, { docId: doc._id, rev });
        if (copy.index) addContact(copy.index, contact);
      }
    } else {
      if (this.pending?.generation !== generation) this.pending = { generation, added: new Map() };
      this.pending.added.set(contact.id, { contact, docId: doc._id, rev });
    }
    this.listeners.notify();
    return 'added';
  }

  /**
   * Makes the stored contacts exactly `contacts` (a restore, retention, an erasure): new ones are
   * written, those no longer wanted are deleted, the rest are left alone. Throws, saying what was
   * and was not saved, if the database refused any change; contacts an earlier version still
   * keeps (a move that failed) are moved first, and nothing changes if that fails again.
   */
  async replace(contacts: readonly Contact[], now: Date): Promise<void> {
    let copy = await this.current(now);
    if (copy.legacy.length > 0 || (await hasLegacyContacts())) {
      this.forget();
      const db = recordsDb();
      const moved = await migrateLegacyContacts(db, now);
      if (moved.kind === 'failed') {
        throw new Error(`${moved.problem.message} Nothing was changed.`);
      }
      copy = await this.current(now);
    }
    const want = new Map(contacts.map((c) => [c.id, c]));
    const docs: (ContactDoc | { _id: string; _rev: string; _deleted: true })[] = [];
    for (const [id, { docId, rev }] of copy.loaded.revs) {
      if (!want.has(id)) docs.push({ _id: docId, _rev: rev, _deleted: true });
    }
    for (const contact of want.values()) {
      const _id = contactDocId(contact);
      if (copy.loaded.revs.has(contact.id) || copy.loaded.unreadable.has(_id)) continue;
      docs.push({ _id, type: 'contact', contact });
    }
    try {
      await writeContactDocs(recordsDb(), docs, copy.loaded.revs);
    } finally {
      // Whatever was written, the next read sees what the database holds.
      this.copy = null;
      if (docs.length > 0) this.listeners.notify();
    }
  }

  /** Drops the copy: the next read reads the database again. */
  forget(): void {
    this.copy = null;
    this.pending = null;
  }
}

/** The background's one contact store (every writer goes through it). */
export const contactStore = new ContactStore();

/**
 * Reads every contact (read-only, for the popup's and options page's exports): from the records
 * database, and from where an earlier version kept them if the background has not moved them yet.
 *
 * @example
 * const { contacts, problems } = await loadContacts(new Date());
 */
export async function loadContacts(now: Date): Promise<ContactsRead> {
  const loaded = await loadContactDocs(recordsDb(), now);
  const problems = loaded.problem ? [loaded.problem] : [];
  if (!(await hasLegacyContacts())) return { contacts: loaded.contacts, problems };
  const old = await readLegacyContacts({ quarantine: false, now });
  problems.push(...old.problems);
  const extra = old.contacts.filter((c) => !loaded.revs.has(c.id));
  return { contacts: [...loaded.contacts, ...extra].sort(byTime), problems };
}

/**
 * Replaces the stored contacts with `contacts` from outside the background's store (tests
 * seeding data, tools): every store's copy is dropped.
 *
 * @example
 * await replaceContacts([]);
 */
export async function replaceContacts(contacts: readonly Contact[]): Promise<void> {
  await new ContactStore().replace(contacts, new Date());
  bumpRecordsGeneration();
}

export { CONTACT_PREFIX };
