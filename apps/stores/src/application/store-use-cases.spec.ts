import { FailedPreconditionError, InvalidArgumentError, NotFoundError } from '@mallbots/ddd';
import { inMemoryStoresApp, type InMemoryStoresApp } from '../testing/stores.in-memory.js';
import { CreateStoreCommand } from './create-store/create-store.command.js';
import { DisableParticipationCommand } from './disable-participation/disable-participation.command.js';
import { EnableParticipationCommand } from './enable-participation/enable-participation.command.js';
import { GetStoreQuery } from './get-store/get-store.query.js';
import { RebrandStoreCommand } from './rebrand-store/rebrand-store.command.js';

describe('store use cases (in-memory event store, read model and outbox)', () => {
  let app: InMemoryStoresApp;
  const create = async (name = 'Mall Mart', location = 'Level 1') => (await app.handlers.createStore.execute(new CreateStoreCommand(name, location))).id;
  /** Everything a refused command must leave alone. */
  const state = async (id: string) => ({
    events: await app.eventStore.load('stores.Store', id),
    row: app.mall.rows.get(id),
    messages: app.outbox.messages.length,
  });

  beforeEach(() => {
    app = inMemoryStoresApp();
  });

  it('creates a store with a new UUID, not participating: stream, mall row and StoreCreated message together', async () => {
    const id = await create();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await app.eventStore.load('stores.Store', id)).map((e) => e.eventName)).toEqual(['stores.StoreCreated']);
    expect(await app.handlers.getStore.execute(new GetStoreQuery(id))).toEqual({ id, name: 'Mall Mart', location: 'Level 1', participating: false });
    expect(app.published()).toEqual([{ subject: 'mallbots.stores.events.Store', name: 'storesapi.StoreCreated', payload: { id, name: 'Mall Mart', location: 'Level 1' } }]);
    expect(await create()).not.toBe(id);
  });

  it('keeps the mall in step through participation changes and rebrands, and lists participating stores only', async () => {
    const kiosk = await create('Kiosk Mart');
    const other = await create('Other Mart');
    await app.handlers.enableParticipation.execute(new EnableParticipationCommand(kiosk));
    await app.handlers.rebrandStore.execute(new RebrandStoreCommand(kiosk, 'Mega Kiosk'));
    expect(await app.handlers.getParticipatingStores.execute()).toEqual([{ id: kiosk, name: 'Mega Kiosk', location: 'Level 1', participating: true }]);
    expect((await app.handlers.getStores.execute()).map((s) => s.id)).toEqual([kiosk, other]);

    await app.handlers.disableParticipation.execute(new DisableParticipationCommand(kiosk));
    expect(await app.handlers.getParticipatingStores.execute()).toEqual([]);
    expect(app.published().map((m) => [m.name, m.payload])).toEqual([
      ['storesapi.StoreCreated', { id: kiosk, name: 'Kiosk Mart', location: 'Level 1' }],
      ['storesapi.StoreCreated', { id: other, name: 'Other Mart', location: 'Level 1' }],
      ['storesapi.StoreParticipatingToggled', { id: kiosk, participating: true }],
      ['storesapi.StoreRebranded', { id: kiosk, name: 'Mega Kiosk' }],
      ['storesapi.StoreParticipatingToggled', { id: kiosk, participating: false }],
    ]);
  });

  it('snapshots the store at version 3 and rebuilds it from the snapshot plus newer events', async () => {
    const id = await create();
    await app.handlers.enableParticipation.execute(new EnableParticipationCommand(id));
    expect(await app.snapshotStore.load('stores.Store', id)).toBeUndefined();
    await app.handlers.rebrandStore.execute(new RebrandStoreCommand(id, 'Mega Mart'));
    expect(await app.snapshotStore.load('stores.Store', id)).toMatchObject({ streamVersion: 3, name: 'stores.StoreV1', data: { name: 'Mega Mart', participating: true } });
    await expect(app.handlers.enableParticipation.execute(new EnableParticipationCommand(id))).rejects.toThrow('the store is already participating');
  });

  it.each<[string, (app: InMemoryStoresApp, id: string) => Promise<unknown>]>([
    ['enable participation', (a, id) => a.handlers.enableParticipation.execute(new EnableParticipationCommand(id))],
    ['disable participation', (a, id) => a.handlers.disableParticipation.execute(new DisableParticipationCommand(id))],
    ['rebrand', (a, id) => a.handlers.rebrandStore.execute(new RebrandStoreCommand(id, 'Ghost Mart'))],
    ['get', (a, id) => a.handlers.getStore.execute(new GetStoreQuery(id))],
  ])('%s an unknown store: NotFound with the domain’s text, and no phantom stream', async (_case, run) => {
    const id = 'no-such-store';
    await expect(run(app, id)).rejects.toThrow(new NotFoundError('store with that ID does not exist'));
    await expect(run(app, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await state(id)).toEqual({ events: [], row: undefined, messages: 0 });
  });

  it.each<[string, (app: InMemoryStoresApp, id: string) => Promise<unknown>, new (message: string) => Error, string]>([
    ['enabling twice', (a, id) => a.handlers.enableParticipation.execute(new EnableParticipationCommand(id)), FailedPreconditionError, 'the store is already participating'],
    ['a blank rebrand', (a, id) => a.handlers.rebrandStore.execute(new RebrandStoreCommand(id, '  ')), InvalidArgumentError, 'the store name cannot be blank'],
  ])('refuses %s and changes nothing', async (_case, run, kind, message) => {
    const id = await create();
    await app.handlers.enableParticipation.execute(new EnableParticipationCommand(id));
    const before = await state(id);
    await expect(run(app, id)).rejects.toThrow(new kind(message));
    expect(await state(id)).toEqual(before);
  });

  it('refuses a blank name or location before anything is stored', async () => {
    await expect(create('', 'Level 1')).rejects.toThrow(new InvalidArgumentError('the store name cannot be blank'));
    await expect(create('Mall Mart', ' ')).rejects.toThrow(new InvalidArgumentError('the store location cannot be blank'));
    expect([app.mall.rows.size, app.outbox.messages.length]).toEqual([0, 0]);
  });
});
