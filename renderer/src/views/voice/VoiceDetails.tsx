/** Interaction details for a voice call. */
export function VoiceDetails({ interactionId }: { interactionId: string }) {
  return <section className="view" aria-label={`Call ${interactionId}`} />;
}
