export function ChatsView() {
  return (
    <section aria-labelledby="chats-title" className="view">
      <h1 id="chats-title">Chats</h1>
    </section>
  );
}
