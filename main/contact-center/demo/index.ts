export { DemoContactCenter, MAX_AGENTS, type DemoOptions } from './DemoContactCenter';
export { createRealClock, type Clock, type RealClockOptions } from './clock';
export { ManualClock } from './manualClock';
export { demoSupervisorProfileNames, isDemoSupervisorProfile, profilePermissions, type DemoSupervisorProfile } from './supervisorProfiles';
export { DemoControl, type StartCallOptions, type StartChatOptions } from './control';
export {
  applyScenario,
  defaultScenarioNames,
  optInScenarioNames,
  scenarioAgents,
  scenarioIds,
  scenarioNames,
  scenariosWith,
  type OptInScenario,
  type ScenarioName,
} from './scenarios';
export { defaultOtherSupervisors, defaultQueues, fixedAgentNames, type QueueSpec, type SupervisorSpec } from './names';
export { conversationScripts, hostileScripts, type ConversationScript } from './scripts/conversations';
