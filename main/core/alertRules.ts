import type { AlertRules } from '../alerts/rules';
import type { ConfigService } from '../config/ConfigService';

/** The alert rules in effect (defaults < user settings < IT policy). */
export function alertRulesFrom(config: Pick<ConfigService, 'get'>): AlertRules {
  return {
    longCall: { enabled: config.get('alerts.longCall.enabled'), seconds: config.get('alerts.longCall.seconds') },
    longHold: { enabled: config.get('alerts.longHold.enabled'), seconds: config.get('alerts.longHold.seconds') },
    longWait: { enabled: config.get('alerts.longWait.enabled'), seconds: config.get('alerts.longWait.seconds') },
    slaBreach: { enabled: config.get('alerts.slaBreach.enabled'), interval: config.get('alerts.slaBreach.interval') },
    agentStuck: { enabled: config.get('alerts.agentStuck.enabled'), seconds: config.get('alerts.agentStuck.seconds') },
    assistance: { enabled: config.get('alerts.assistance.enabled') },
    lockReleased: { enabled: config.get('alerts.lockReleased.enabled') },
  };
}
