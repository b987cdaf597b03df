// Restoring another installation's backup: its records keep their own chain, installation id and
// hashes, are shown as imported (from which file, by whom, when), the restore's audit event lists
// their ids, and nothing is ever re-chained as if logged here.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../lib/messages/handler';
import { readAuditLog } from '../../lib/messages/data';
import { backupJson, makeBackup } from '../../lib/records/backup';
import {
  appendAmendment,
  appendEntry,
  canonicalJson,
  emptyBlockLog,
  type BlockLog,
  type Moderator,
} from '../../lib/records';
import { linkDocId } from '../../lib/storage/blockLogDb';
import { installationId } from '../../lib/storage/installation';
import { loadOtherChains } from '../../lib/storage/otherChains';
import { bumpRecordsGeneration, recordsDb } from '../../lib/storage/recordsDb';
import { DEFAULT_SETTINGS } from '../../lib/storage/settings';
import { seedBasics, testDeps } from './helpers';
import { storeBlockLog, storedBlockLog } from '../blocklog-helpers';
import { amendment, entry, uuid } from '../records/fixtures';

const OTHER = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const THEM: Moderator = { name: 'B. Elsewhere', staffNumber: '67890' };
const FILE = 'moderator-assist-backup_2026-11-19T0900Z.json';

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await seedBasics();
});

/** Another installation's chain: `n` entries (ids from `base`), an amendment to the first. */
async function theirChain(base: number, n = 3): Promise<BlockLog> {
  let log = emptyBlockLog();
  for (let i = 0; i < n; i++) {
    log = await appendEntry(
      log,
      entry({
        id: uuid(base + i),
        createdAt: `2026-11-0${i + 1}T10:00:00.000Z`,
        moderator: THEM,
        user: { platform: 'x', handle: `them_${i}` },
      }),
    );
  }
  return appendAmendment(
    log,
    amendment(uuid(base), { id: uuid(base + 90), kind: 'note', moderator: THEM }),
  );
}

function backupOf(log: BlockLog, installation = OTHER, over: object = {}): string {
  const data = {
    settings: DEFAULT_SETTINGS,
    moderator: THEM,
    accounts: [],
    blockLog: log,
    contacts: [],
    events: [],
    drafts: [],
    ...over,
  };
  return backupJson(
    makeBackup(data, {
      appVersion: '0.1.0',
      now: new Date('2026-11-19T09:00:00Z'),
      by: THEM,
      installationId: installation,
    }),
  );
}

async function allDocIds(): Promise<string[]> {
  return (await recordsDb().allDocs()).rows.map((r) => r.id);
}

async function ownLog(): Promise<BlockLog> {
  return appendEntry(emptyBlockLog(), entry({ id: uuid(700), createdAt: '2026-11-10T10:00:00Z' }));
}

describe('restoring another installation’s backup', () => {
  it('should keep its chain, ids and hashes, record where it came from, and list its ids in the audit', async () => {
    const { deps } = testDeps();
    const own = await ownLog();
    await storeBlockLog(own);
    const theirs = await theirChain(800);
    const reply = await handleMessage(
      { type: 'data:import', text: backupOf(theirs), fileName: FILE },
      deps,
    );
    expect(reply).toMatchObject({
      ok: true,
      message: expect.stringContaining(
        '4 block-log records of another installation kept on its own chain',
      ),
    });

    // This installation's chain is as it was: nothing was chained on to it.
    expect(canonicalJson(await storedBlockLog())).toBe(canonicalJson(own));
    // Theirs is stored under their id, link for link exactly as in the backup.
    for (const link of theirs.records) {
      const doc = await recordsDb().get<{ link: unknown }>(linkDocId(OTHER, link.seq));
      expect(canonicalJson(doc.link)).toBe(canonicalJson(link));
    }
    const ids = theirs.records.map((r) => r.record.id);
    const { chains } = await loadOtherChains(recordsDb(), await installationId(), new Date());
    expect(chains).toHaveLength(1);
    expect(canonicalJson(chains[0]!.log)).toBe(canonicalJson(theirs));
    expect(chains[0]!.imports).toEqual([
      {
        installationId: OTHER,
        file: FILE,
        by: expect.objectContaining({ name: 'A. Moderator' }),
        at: '2026-11-20T12:00:00.000Z',
        firstSeq: 0,
        lastSeq: 3,
        headHash: theirs.records[3]!.hash,
        recordIds: ids,
      },
    ]);
    expect(await readAuditLog()).toEqual([
      expect.objectContaining({
        action: 'import',
        counts: expect.objectContaining({ blockLog: 4 }),
        recordIds: ids,
      }),
    ]);

    // Listed beside this installation's entries, marked as imported.
    const list = await handleMessage({ type: 'block:list' }, deps);
    const rows = list.ok ? list.index!.rows : [];
    expect(rows.map((r) => r.id)).toEqual([uuid(800), uuid(801), uuid(802), uuid(700)]);
    expect(rows[0]!.imported).toMatch(
      new RegExp(
        `^Another installation’s record \\(${OTHER}\\), imported from backup ${FILE}, by A. Moderator \\(12345\\), 20 Nov 2026, 12:00$`,
      ),
    );
    expect(rows[3]!.imported).toBeUndefined();
    const detail = await handleMessage({ type: 'block:entry', entryId: uuid(800) }, deps);
    expect(detail.ok && detail.entry?.imported).toContain(`imported from backup ${FILE}`);
    expect(detail.ok && detail.entry?.view.amendments).toHaveLength(1);

    // The same backup again adds nothing: no link, no provenance, no audit event.
    const docs = await allDocIds();
    const again = await handleMessage(
      { type: 'data:import', text: backupOf(theirs), fileName: FILE },
      deps,
    );
    expect(again).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Nothing to restore/),
    });
    expect(await allDocIds()).toEqual(docs);
    expect(await readAuditLog()).toHaveLength(1);
  });

  it('should add only the newer links of a later backup of the same installation, under a provenance of their own', async () => {
    const { deps, clock } = testDeps();
    const first = await theirChain(800, 2);
    await handleMessage({ type: 'data:import', text: backupOf(first), fileName: 'one.json' }, deps);
    const later = await appendEntry(
      first,
      entry({ id: uuid(850), createdAt: '2026-11-12T10:00:00Z', moderator: THEM }),
    );
    clock.t += 60_000;
    const reply = await handleMessage(
      { type: 'data:import', text: backupOf(later), fileName: 'two.json' },
      deps,
    );
    expect(reply.ok).toBe(true);
    const { chains } = await loadOtherChains(recordsDb(), await installationId(), new Date());
    expect(canonicalJson(chains[0]!.log)).toBe(canonicalJson(later));
    expect(chains[0]!.imports.map((i) => [i.file, i.firstSeq, i.lastSeq, i.recordIds])).toEqual([
      ['one.json', 0, 2, first.records.map((r) => r.record.id)],
      ['two.json', 3, 3, [uuid(850)]],
    ]);
    expect((await readAuditLog()).map((a) => a.recordIds)).toEqual([
      first.records.map((r) => r.record.id),
      [uuid(850)],
    ]);
  });

  it('should refuse a backup whose chain does not verify, and change nothing', async () => {
    const { deps } = testDeps();
    const theirs = await theirChain(800);
    const bad = {
      ...theirs,
      records: theirs.records.map((r) =>
        r.seq === 1 && r.kind === 'entry'
          ? { ...r, record: { ...r.record, justification: 'changed afterwards' } }
          : r,
      ),
    };
    const docs = await allDocIds();
    const reply = await handleMessage({ type: 'data:import', text: backupOf(bad) }, deps);
    expect(reply).toMatchObject({
      ok: false,
      error: `The block log in the backup (installation ${OTHER}’s chain) does not verify at record 1: content does not match its hash (altered). Nothing was restored: not the block log, not any other record in the file.`,
    });
    // A chain the backup holds from a third installation is checked the same way.
    const carried = await handleMessage(
      {
        type: 'data:import',
        text: backupOf(emptyBlockLog(), OTHER, {
          otherChains: [{ installationId: uuid(990), log: bad, imports: [] }],
        }),
      },
      deps,
    );
    expect(carried).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        new RegExp(
          `^Installation ${uuid(990)}’s chain in the backup .* does not verify at record 1 \\(id ${uuid(801)}\\).*Nothing was restored`,
        ),
      ),
    });
    expect(await allDocIds()).toEqual(docs);
    expect(await readAuditLog()).toEqual([]);
  });

  it('should refuse a backup of a chain that differs from the one held here, keeping the copy here', async () => {
    const { deps } = testDeps();
    const theirs = await theirChain(800);
    await handleMessage({ type: 'data:import', text: backupOf(theirs), fileName: FILE }, deps);
    const docs = await allDocIds();
    // The same installation's chain, rewritten from record 2 on (re-hashed, so it verifies).
    let forged = { ...theirs, records: theirs.records.slice(0, 2) };
    forged = await appendEntry(forged, entry({ id: uuid(860), moderator: THEM }));
    const reply = await handleMessage(
      { type: 'data:import', text: backupOf(forged), fileName: 'forged.json' },
      deps,
    );
    expect(reply).toMatchObject({
      ok: true,
      message: expect.stringContaining(
        `Installation ${OTHER}’s chain in the file differs at record 2 from the copy held here`,
      ),
    });
    expect(await allDocIds()).toEqual(docs);
  });

  it('should set aside an unreadable record of an imported chain on its own and keep the rest', async () => {
    const { deps } = testDeps();
    const theirs = await theirChain(800);
    await handleMessage({ type: 'data:import', text: backupOf(theirs), fileName: FILE }, deps);
    const db = recordsDb();
    const doc = await db.get<{ link: BlockLog['records'][number] }>(linkDocId(OTHER, 1));
    await db.put({
      ...doc,
      link: { ...doc.link, record: { ...doc.link.record, createdAt: 'soon' } },
    });
    bumpRecordsGeneration();
    const { chains, problems } = await loadOtherChains(db, await installationId(), new Date());
    expect(problems).toEqual([
      expect.objectContaining({
        key: `chain:${OTHER}:*`,
        message: expect.stringMatching(
          new RegExp(
            `^Installation ${OTHER}’s chain \\(another installation’s\\): 1 record is not valid and was set aside \\(record 1, id ${uuid(801)}`,
          ),
        ),
      }),
    ]);
    expect(chains[0]!.log.records.map((r) => r.seq)).toEqual([0, 2, 3]);
    expect(chains[0]!.log.erased).toMatchObject([{ seq: 1, reason: 'set-aside' }]);
    // The stored document itself is kept as it was, and Verify names what was set aside.
    expect(
      (await db.get<{ link: { record: { createdAt: string } } }>(linkDocId(OTHER, 1))).link.record
        .createdAt,
    ).toBe('soon');
    const r = await handleMessage({ type: 'block:verify' }, deps);
    expect(r.ok && r.verification?.text).toContain(`set aside`);
  });

  it('should name the first bad record of a tampered imported chain in Verify', async () => {
    const { deps } = testDeps();
    await storeBlockLog(await ownLog());
    const theirs = await theirChain(800);
    await handleMessage({ type: 'data:import', text: backupOf(theirs), fileName: FILE }, deps);
    const ok = await handleMessage({ type: 'block:verify' }, deps);
    expect(ok).toMatchObject({ ok: true, verification: { ok: true } });

    const db = recordsDb();
    const doc = await db.get<{ link: BlockLog['records'][number] }>(linkDocId(OTHER, 2));
    const link = doc.link;
    if (link.kind !== 'entry') throw new Error('expected an entry');
    await db.put({
      ...doc,
      link: { ...link, record: { ...link.record, justification: 'edited' } },
    });
    bumpRecordsGeneration();
    const r = await handleMessage({ type: 'block:verify' }, deps);
    expect(r.ok && r.verification?.ok).toBe(false);
    const text = r.ok ? r.verification!.text : '';
    expect(text).toMatch(/^This installation’s chain: Chain verified: all 1 records are intact\./);
    expect(text).toContain(
      `Installation ${OTHER}’s chain (4 links, imported from backup ${FILE}, by A. Moderator (12345),`,
    );
    expect(text).toMatch(
      new RegExp(
        `Verification failed at record 2 \\(entry for them_2, id ${uuid(802)}\\): content does not match its hash`,
      ),
    );
  });
});
