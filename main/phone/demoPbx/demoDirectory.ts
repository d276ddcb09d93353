import type { Agent, Interaction } from '../../../preload/contract';

/** What the demo PBX knows of the contact center: the core's mirror, read when a call comes in. */
export interface DemoDirectoryView {
  supervisorId: string;
  agents: ReadonlyMap<string, Agent>;
  interactions: ReadonlyMap<string, Interaction>;
}

/**
 * The demo PBX's dial plan over the demo contact center: an extension no agent
 * has is 404; a leg onto an agent's call that another supervisor holds (the
 * voice lock: one coach per call) is 486 unless the platform has already added
 * this supervisor to that call (startSupervision runs before the leg is
 * dialled, so a sanctioned monitor of a coached call goes through).
 */
export function demoDirectory(view: () => DemoDirectoryView) {
  const agentAt = (extension: string): Agent | undefined => {
    for (const a of view().agents.values()) if (a.extension === extension) return a;
    return undefined;
  };
  return {
    isKnownExtension: (extension: string): boolean => agentAt(extension) !== undefined,
    isBusy(extension: string): boolean {
      const agent = agentAt(extension);
      if (!agent) return false;
      const { interactions, supervisorId } = view();
      return agent.interactionIds.some((id) => {
        const ix = interactions.get(id);
        if (!ix || ix.channel !== 'voice' || ix.state === 'ended' || !ix.monitorLock) return false;
        const addedUs = ix.participants.some((p) => p.supervising?.supervisorId === supervisorId && p.state !== 'disconnected');
        return ix.monitorLock.supervisorId !== supervisorId && !addedUs;
      });
    },
  };
}
