/** Interaction details for a digital conversation. */
export function ConversationDetails({ interactionId }: { interactionId: string }) {
  return <section className="view" aria-label={`Conversation ${interactionId}`} />;
}
