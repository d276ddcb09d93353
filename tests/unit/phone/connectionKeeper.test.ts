import { describe, expect, it } from 'vitest';
import { ConnectionKeeper, type KeeperTransport, type KeeperView } from '../../../main/phone/connectionKeeper';
import { FakeClock } from './support/fakeClock';

/** A transport that connects or fails when told, and reports back like JsSIP's. */
class FakeTransport implements KeeperTransport {
  state: 'down' | 'connecting' | 'up' = 'up';
  connects = 0;
  drops = 0;
  keeper!: ConnectionKeeper;
  connect(): void {
    this.connects++;
    this.state = 'connecting';
  }
  drop(): void {
    this.drops++;
    this.lose();
  }
  isConnected(): boolean {
    return this.state === 'up';
  }
  isConnecting(): boolean {
    return this.state === 'connecting';
  }
  /** The attempt under way succeeds and the PBX accepts the REGISTER. */
  succeed(): void {
    this.state = 'up';
    this.keeper.connected();
    this.keeper.registered();
  }
  /** The connection (or the attempt under way) is lost. */
  lose(): void {
    this.state = 'down';
    this.keeper.disconnected();
  }
}

function setUp(random = () => 0) {
  const clock = new FakeClock();
  const transport = new FakeTransport();
  const views: KeeperView[] = [];
  const keeper = new ConnectionKeeper({ transport, timers: clock, random, onChange: (v) => views.push(v) });
  transport.keeper = keeper;
  keeper.registered();
  return { clock, transport, keeper, views };
}

describe('ConnectionKeeper', () => {
  it('after a dropped WebSocket, retries on the backoff schedule and says when the next attempt is', () => {
    const { clock, transport, keeper } = setUp();
    const start = clock.now();
    transport.lose();
    expect(keeper.current()).toMatchObject({ phase: 'waiting', attempt: 1, cause: 'connection', retryAt: start + 1000 });
    clock.advance(999);
    expect(transport.connects).toBe(0);
    clock.advance(1);
    expect(transport.connects).toBe(1);
    expect(keeper.current()).toMatchObject({ phase: 'connecting', attempt: 1 });
    expect(keeper.current().retryAt).toBeUndefined();
    // The server is still unreachable: 2 s, then 4 s.
    transport.lose();
    expect(keeper.current()).toMatchObject({ attempt: 2, retryAt: clock.now() + 2000 });
    clock.advance(2000);
    transport.lose();
    expect(keeper.current()).toMatchObject({ attempt: 3, retryAt: clock.now() + 4000 });
    clock.advance(4000);
    transport.succeed();
    expect(keeper.current()).toMatchObject({ phase: 'up', attempt: 0, recoveredAt: clock.now() });
    expect(keeper.current().cause).toBeUndefined();
  });

  it('uses the random source for jitter', () => {
    const { clock, transport, keeper } = setUp(() => 0.5);
    transport.lose();
    expect(keeper.current().retryAt).toBe(clock.now() + 850);
  });

  it('on resume from sleep drops a socket that still looks connected and connects again at once', () => {
    const { clock, transport, keeper } = setUp();
    keeper.network({ kind: 'suspend', source: 'powerMonitor' });
    expect(transport.drops).toBe(0); // nothing to do before the sleep
    clock.advance(3_600_000);
    keeper.network({ kind: 'resume', source: 'powerMonitor' });
    expect(transport.drops).toBe(1);
    expect(clock.waiting()).toEqual([0]); // no backoff: the socket is made again now
    clock.advance(0);
    expect(transport.connects).toBe(1);
    expect(keeper.current()).toMatchObject({ phase: 'connecting', cause: 'sleep' });
    transport.succeed();
    expect(keeper.current()).toMatchObject({ phase: 'up', recoveredAt: clock.now() });
  });

  it('offline: drops the dead socket and keeps the schedule; online: tries at once with a fresh schedule', () => {
    const { clock, transport, keeper } = setUp();
    keeper.network({ kind: 'offline', source: 'page' });
    expect(transport.drops).toBe(1);
    expect(keeper.current()).toMatchObject({ phase: 'waiting', offline: true, cause: 'offline', attempt: 1 });
    clock.advance(1000);
    transport.lose(); // no network: the attempt fails
    clock.advance(2000);
    transport.lose();
    expect(keeper.current()).toMatchObject({ attempt: 3, retryAt: clock.now() + 4000 });
    keeper.network({ kind: 'online', source: 'page' });
    expect(transport.connects).toBe(3);
    expect(keeper.current()).toMatchObject({ phase: 'connecting', offline: false });
    expect(clock.waiting()).toEqual([]); // the 4 s timer is gone
    transport.lose(); // not quite back yet: the schedule starts again from 1 s
    expect(keeper.current()).toMatchObject({ attempt: 1, retryAt: clock.now() + 1000 });
  });

  it('a network change while waiting cancels the wait and connects now', () => {
    const { clock, transport, keeper } = setUp();
    transport.lose();
    clock.advance(1000);
    transport.lose();
    clock.advance(2000);
    transport.lose();
    expect(clock.waiting()).toEqual([4000]);
    keeper.network({ kind: 'network-changed', source: 'interfaces' });
    expect(clock.waiting()).toEqual([]);
    expect(transport.connects).toBe(3);
    expect(keeper.current().cause).toBe('network-change');
  });

  it('does nothing after stop', () => {
    const { clock, transport, keeper } = setUp();
    transport.lose();
    keeper.stop();
    clock.advance(60_000);
    expect(transport.connects).toBe(0);
    keeper.network({ kind: 'online', source: 'page' });
    expect(transport.connects).toBe(0);
  });
});
