export { DemoContactCenter, MAX_AGENTS, type DemoOptions } from './DemoContactCenter';
export { createRealClock, type Clock, type RealClockOptions } from './clock';
export { ManualClock } from './manualClock';
export { DemoControl, type StartCallOptions, type StartChatOptions } from './control';
export { applyScenario, scenarioAgents, scenarioIds, scenarioNames, type ScenarioName } from './scenarios';
export { defaultOtherSupervisors, defaultQueues, fixedAgentNames, type QueueSpec, type SupervisorSpec } from './names';
export { conversationScripts, type ConversationScript } from './scripts/conversations';
