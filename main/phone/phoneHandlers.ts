/**
 * Command handlers for the phone channels (preload/contract/phone.ts), ready
 * to spread into the core's Handlers: `{ ...phoneHandlers(deps) }`. The core's
 * dispatcher has already validated every payload against the contract.
 */
import { CommandError } from '../../preload/contract/result';
import type { AudioDevices } from '../../preload/contract/phone';
import type { Handlers } from '../core/dispatch';
import type { MediaHostChannel } from './mediaHost';
import type { JsSipSoftphone, SipAccount } from './softphone';
import type { NetworkEvent } from './networkEvents';

export interface PhoneHandlerDeps {
  softphone: Pick<JsSipSoftphone, 'register' | 'unregister' | 'status' | 'mediaHostReady'>;
  /** The media channel of the window/socket hosting the media (see README "Wiring the media bridge"). */
  media: MediaHostChannel;
  /** The SIP account from settings + IT policy (password from safeStorage), or null when none is set up. */
  account(): SipAccount | null;
  /** Persist the chosen devices and broadcast them as the `media:devices` event. */
  setDevices(devices: AudioDevices): AudioDevices;
  /** What the page saw of the network (`phone:networkHint`); absent: ignored (e.g. the in-process demo PBX). */
  networkEvent?(event: NetworkEvent): void;
}

export function phoneHandlers(deps: PhoneHandlerDeps): Handlers {
  return {
    'phone:status': () => deps.softphone.status(),
    'phone:register': async () => {
      const account = deps.account();
      if (!account) {
        throw new CommandError('UNAVAILABLE', 'No SIP account is set up: add the server, user and password in Settings › SIP account.');
      }
      return deps.softphone.register(account);
    },
    'phone:unregister': () => deps.softphone.unregister(),
    'phone:setDevices': (devices) => deps.setDevices(devices),
    'media:response': (response) => {
      deps.media.handleResponse(response);
      return {};
    },
    'media:event': (event) => {
      deps.media.handleEvent(event);
      return {};
    },
    'phone:networkHint': ({ kind }) => {
      deps.networkEvent?.({ kind, source: 'page' });
      return {};
    },
    'media:hostReady': ({ pcIds }) => {
      deps.softphone.mediaHostReady(pcIds);
      return {};
    },
  };
}
