// Goal: services start in order and stop in reverse order through one path, also after a start-up that failed halfway. Method: recording fake services.
import { describe, expect, it } from 'vitest';
import { ServiceList } from '../server/service-list.js';

function recorder() {
  const log: string[] = [];
  const service = (name: string, options: { failStart?: boolean; failStop?: boolean } = {}) => ({
    name,
    start: async () => {
      if (options.failStart) throw new Error(`${name} would not start`);
      log.push(`start ${name}`);
      return name.toUpperCase();
    },
    stop: async (started: string) => {
      log.push(`stop ${started}`);
      if (options.failStop) throw new Error(`${name} would not stop`);
    },
  });
  return { log, service };
}

describe('ServiceList', () => {
  it('starts in order, hands each stop what its start made, and stops in reverse order once', async () => {
    const { log, service } = recorder();
    const services = new ServiceList();
    expect(await services.start(service('a'))).toBe('A');
    await services.start(service('b'));
    await services.start(service('c'));
    expect(services.names).toEqual(['a', 'b', 'c']);
    await Promise.all([services.stopAll(), services.stopAll()]);
    expect(log).toEqual(['start a', 'start b', 'start c', 'stop C', 'stop B', 'stop A']);
  });

  it('after a start that failed halfway, stops only what had started', async () => {
    const { log, service } = recorder();
    const services = new ServiceList();
    await services.start(service('a'));
    await services.start(service('b'));
    await expect(services.start(service('c', { failStart: true }))).rejects.toThrow('c would not start');
    await services.stopAll();
    expect(log).toEqual(['start a', 'start b', 'stop B', 'stop A']);
  });

  it('a failing stop does not keep the others running: all stop, then the first failure is thrown', async () => {
    const { log, service } = recorder();
    const services = new ServiceList();
    await services.start(service('a'));
    await services.start(service('b', { failStop: true }));
    await services.start(service('c'));
    await expect(services.stopAll()).rejects.toThrow('Stopping b failed');
    expect(log).toEqual(['start a', 'start b', 'start c', 'stop C', 'stop B', 'stop A']);
    await expect(services.start(service('d'))).rejects.toThrow('the app is stopping');
  });
});
