/**
 * What makes a cached interaction one conversation (issue 11 item 3). Contact
 * centers reuse interaction ids (the demo restarted with the same seed, PBXes
 * recycling call ids), so the platform's id alone would merge two customers'
 * conversations into one record. The cache tells them apart by the connector,
 * the platform's id and the conversation's epoch: its start, or an epoch the
 * connector supplies when its start time can be re-derived differently.
 */
export interface InteractionIdentity {
  /** The connector's name ("demo", "asterisk"): lower-case letters, digits and dashes. */
  connector: string;
  /** The contact center's own id for the interaction. */
  platformId: string;
  /** Epoch milliseconds: the conversation's start, or the connector's own epoch for it. */
  epoch: number;
}

export const CONNECTOR_NAME = /^[a-z0-9-]{1,40}$/;

/** A connector's display name as an identity part ("Asterisk AMI" -> "asterisk-ami"). */
export function connectorKey(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .slice(0, 40) || 'connector'
  );
}

/**
 * The id the cache (and offline review) addresses a conversation by.
 * One-to-one with the identity: the connector name has no ":" and the epoch
 * is the digits after the last "@", so two identities never share an id.
 */
export function cachedInteractionId(identity: InteractionIdentity): string {
  return `${identity.connector}:${identity.platformId}@${identity.epoch}`;
}
