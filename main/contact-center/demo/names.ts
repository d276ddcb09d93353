/**
 * Names for the simulated people and queues. The first agents are fixed so
 * e2e tests and scenarios can rely on them (Alex Kim is always agent-1).
 */

export interface QueueSpec {
  id: string;
  name: string;
  slaSeconds: number;
}

export const defaultQueues: readonly QueueSpec[] = [
  { id: 'queue-billing', name: 'Billing', slaSeconds: 60 },
  { id: 'queue-tech', name: 'Technical Support', slaSeconds: 120 },
  { id: 'queue-sales', name: 'Sales', slaSeconds: 30 },
  { id: 'queue-retentions', name: 'Retentions', slaSeconds: 90 },
  { id: 'queue-priority', name: 'Priority Care', slaSeconds: 20 },
];

/** Stable names for the first agents (agent-1 ... agent-40). */
export const fixedAgentNames: readonly string[] = [
  'Alex Kim',
  'Priya Shah',
  'Jordan Patel',
  'Maria González',
  'Tom Becker',
  'Wei Chen',
  'Fatima Al-Sayed',
  "Liam O'Connor",
  'Aiko Tanaka',
  'Kwame Mensah',
  'Sofia Rossi',
  'Mateo Fernández',
  'Olivia Brown',
  'Noah Williams',
  'Chloé Dubois',
  'Lukas Schmidt',
  'Amara Nwosu',
  'Ravi Iyer',
  'Hannah Cohen',
  'Diego Ramírez',
  'Yuki Sato',
  'Elena Petrova',
  'Samir Haddad',
  'Grace Liu',
  'Isabella Costa',
  'Ethan Walker',
  'Zara Ahmed',
  'Marcus Johnson',
  'Ingrid Larsen',
  'Tariq Aziz',
  'Nora Lindqvist',
  'Kenji Watanabe',
  'Leila Karimi',
  'Owen Davies',
  'Ana Silva',
  'Jamal Carter',
  'Mei Wong',
  'Pablo Moreno',
  'Emily Clarke',
  'Sebastián Ortiz',
];

const firstNames: readonly string[] = [
  'Aaron', 'Abebe', 'Adaeze', 'Ahmed', 'Aisha', 'Akira', 'Alejandro', 'Amelia', 'Anika', 'Arjun',
  'Astrid', 'Beatriz', 'Benjamin', 'Camille', 'Carlos', 'Chiara', 'Daniel', 'Dmitri', 'Eun-ji', 'Farah',
  'Felix', 'Gabriel', 'Hana', 'Hugo', 'Imani', 'Ivan', 'Jasmine', 'Javier', 'Julia', 'Kai',
  'Karim', 'Laila', 'Lars', 'Lucía', 'Malik', 'Mia', 'Nadia', 'Nikhil', 'Omar', 'Paulo',
  'Quinn', 'Rosa', 'Ruth', 'Saanvi', 'Sven', 'Thandiwe', 'Tomás', 'Valentina', 'Xavier', 'Yara',
];

const lastNames: readonly string[] = [
  'Abbott', 'Adeyemi', 'Andersson', 'Baker', 'Bianchi', 'Castillo', 'Choi', 'Dang', 'Eriksen', 'Evans',
  'Fischer', 'García', 'Gupta', 'Hall', 'Hashemi', 'Hughes', 'Jensen', 'Kaur', 'Khan', 'Kowalski',
  'Lopez', 'Martin', 'Moreau', 'Müller', 'Nakamura', 'Nguyen', 'Novak', 'Obi', 'Okafor', 'Park',
  'Reddy', 'Richter', 'Santos', 'Schneider', 'Singh', 'Suzuki', 'Taylor', 'Torres', 'Vargas', 'Yilmaz',
];

/** Agent i (0-based): fixed names first, then first/last combinations. */
export function agentName(index: number): string {
  const fixed = fixedAgentNames[index];
  if (fixed !== undefined) return fixed;
  const k = index - fixedAgentNames.length;
  const first = firstNames[k % firstNames.length] as string;
  // Step through last names at a different stride so neighbours look unrelated.
  const last = lastNames[(k * 7 + Math.floor(k / firstNames.length)) % lastNames.length] as string;
  const round = Math.floor(k / (firstNames.length * lastNames.length));
  return round === 0 ? `${first} ${last}` : `${first} ${last} ${round + 1}`;
}

export const customerNames: readonly string[] = [
  'Jennifer Morales', 'Robert Chen', 'Laura Schultz', 'Michael Okonkwo', 'Sarah Whitfield', 'David Kowalczyk',
  'Aaliyah Brooks', 'Hiroshi Yamamoto', 'Carmen Delgado', 'Peter Lindgren', 'Nia Thompson', 'Oscar Villanueva',
  'Greta Hoffmann', 'Samuel Adeleke', 'Isabelle Laurent', 'Chris Nakashima', 'Rania Khoury', 'Benjamin Stone',
  'Lucia Romano', 'Arash Tehrani', 'Emma Johansson', 'Kofi Boateng', 'Valeria Cruz', 'Tyler Jackson',
];

/** Third parties an agent may add to a call (external participants). */
export const externalParties: readonly string[] = [
  'Northwind Bank fraud desk',
  'Contoso Logistics dispatch',
  'City Power outage line',
  'Fabrikam Insurance claims',
];

export interface SupervisorSpec {
  id: string;
  name: string;
  /** The background simulation may log this one off and on again. */
  mayLogOff?: boolean;
}

export const defaultOtherSupervisors: readonly SupervisorSpec[] = [
  { id: 'sup-2', name: 'Dana Reyes' },
  { id: 'sup-3', name: 'Sam Okafor', mayLogOff: true },
];
