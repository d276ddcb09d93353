import type { Channel } from '../../../../preload/contract';

/**
 * Scripted digital conversations. They are deliberately varied: several
 * languages (incl. Arabic, right to left, and Japanese), emoji, a long
 * message and attachments as https links, because the UI must show all of it
 * safely as plain text. Attack strings (markup, `javascript:` links) live in
 * `hostileScripts`, which the background never picks: only the opt-in
 * `hostile` scenario plays them. `{agent}` is replaced by the current agent's
 * first name when the line is sent.
 */

export interface ScriptTurn {
  from: 'customer' | 'agent';
  text: string;
  attachments?: { name: string; url: string }[];
}

export interface ConversationScript {
  id: string;
  language: 'en' | 'es' | 'fr' | 'de' | 'ar' | 'ja';
  channel: Channel;
  queueId: string;
  customer: { name: string; email?: string; phone?: string; tier?: string; notes?: string };
  topic: string;
  tags: string[];
  /** The agent asks a supervisor for help before sending this turn. */
  assistanceAtTurn?: number;
  turns: ScriptTurn[];
}

const longComplaint = [
  'I have been a customer for almost eleven years and I have never had to write something like this, so please bear with me.',
  'In March my plan was changed without my consent from the Family 4 plan to something called "Family Flex", and since then every single invoice has been different.',
  'The first month I was charged twice for the same line, the second month the roaming add-on appeared even though I never left the country, and this month there is a "service adjustment" of 38.20 that nobody can explain.',
  'I called three times. The first agent told me it would be fixed in the next cycle, the second one opened a ticket (number 88-4471-20) and the third said the ticket did not exist.',
  'I am not angry with you personally, but I would like someone to look at the whole history, refund what should be refunded, and put it in writing so that I do not have to go through this again next month.',
  'For the record, my account number is 4471-2209-88 and the lines on the account are mine, my partner\'s, and our two teenagers\'. Nobody on the account has travelled this year, and nobody asked for any add-on.',
  'I have attached the last three invoices. Thank you for reading all of this.',
].join(' ');

export const conversationScripts: readonly ConversationScript[] = [
  {
    id: 'billing-en-long',
    language: 'en',
    channel: 'webMessaging',
    queueId: 'queue-billing',
    customer: { name: 'Sarah Whitfield', email: 'sarah.whitfield@example.com', phone: '+1 555 0142', tier: 'Gold', notes: 'Customer since 2015. Three billing contacts this quarter.' },
    topic: 'Billing dispute',
    tags: ['invoice', 'refund', 'repeat-contact'],
    assistanceAtTurn: 3,
    turns: [
      { from: 'customer', text: longComplaint, attachments: [
        { name: 'invoice-2026-03.pdf', url: 'https://files.example.com/invoices/2026-03.pdf' },
        { name: 'invoice-2026-04.pdf', url: 'https://files.example.com/invoices/2026-04.pdf' },
        { name: 'invoice-2026-05.pdf', url: 'https://files.example.com/invoices/2026-05.pdf' },
      ] },
      { from: 'agent', text: "Hi Sarah, I'm {agent}. Thank you for the detail and the invoices, that helps a lot. Let me go through the history now." },
      { from: 'customer', text: 'Thank you. Take your time.' },
      { from: 'agent', text: 'I can see the plan change in March. I am checking with my supervisor whether I can refund the three months in one go.' },
      { from: 'agent', text: 'Good news: the refund of 114.60 is approved and the plan is back to Family 4 from today. You will get a confirmation email within the hour.' },
      { from: 'customer', text: 'That is exactly what I needed. Thank you so much!' },
    ],
  },
  {
    id: 'tech-es',
    language: 'es',
    channel: 'thirdPartyMessaging',
    queueId: 'queue-tech',
    customer: { name: 'Carmen Delgado', phone: '+34 600 123 456', tier: 'Standard', notes: 'Prefiere español.' },
    topic: 'Router sin conexión',
    tags: ['router', 'es'],
    turns: [
      { from: 'customer', text: 'Hola, mi router no tiene conexión desde esta mañana 😞 Las luces parpadean en naranja.' },
      { from: 'agent', text: 'Hola Carmen, soy {agent}. ¿Puede desconectar el router durante 30 segundos y volver a conectarlo?' },
      { from: 'customer', text: 'Ya lo hice dos veces. Aquí tiene una foto:', attachments: [{ name: 'router.jpg', url: 'https://files.example.com/uploads/router-lights.jpg' }] },
      { from: 'agent', text: 'Gracias. Veo una incidencia en su zona; el servicio volverá antes de las 15:00. Le envío un SMS cuando esté resuelto.' },
      { from: 'customer', text: '¡Perfecto, muchas gracias! 🙏' },
    ],
  },
  {
    id: 'sales-fr',
    language: 'fr',
    channel: 'chat',
    queueId: 'queue-sales',
    customer: { name: 'Isabelle Laurent', email: 'i.laurent@example.fr', tier: 'Prospect' },
    topic: 'Offre fibre',
    tags: ['fibre', 'upgrade', 'fr'],
    turns: [
      { from: 'customer', text: "Bonjour ! Je voudrais savoir si l'offre fibre 1 Gb/s est disponible à mon adresse (12 rue de l'Église, Lyon)." },
      { from: 'agent', text: 'Bonjour Isabelle, je suis {agent}. Je vérifie tout de suite.' },
      { from: 'agent', text: "Oui, l'offre est disponible. L'installation est gratuite ce mois-ci et le premier mois est offert." },
      { from: 'customer', text: "Génial ! Est-ce que je garde mon numéro de téléphone fixe ?" },
      { from: 'agent', text: 'Oui, la portabilité du numéro est incluse. Voulez-vous que je prépare la commande ?' },
      { from: 'customer', text: 'Oui, merci beaucoup 😊' },
    ],
  },
  {
    id: 'retentions-de',
    language: 'de',
    channel: 'sms',
    queueId: 'queue-retentions',
    customer: { name: 'Greta Hoffmann', phone: '+49 151 2345 6789', tier: 'Silver', notes: 'Vertrag endet am 30.06.' },
    topic: 'Kündigung',
    tags: ['cancellation', 'de', 'offer'],
    assistanceAtTurn: 2,
    turns: [
      { from: 'customer', text: 'Guten Tag, ich möchte meinen Vertrag zum Monatsende kündigen. Die Konkurrenz ist 15 € günstiger.' },
      { from: 'agent', text: 'Guten Tag Frau Hoffmann, hier ist {agent}. Schade! Darf ich Ihnen ein Angebot machen?' },
      { from: 'agent', text: 'Ich kann Ihnen 12 Monate lang 20 € Rabatt und doppeltes Datenvolumen anbieten.' },
      { from: 'customer', text: 'Hm. Das klingt fair. Gilt das auch für die zweite SIM-Karte?' },
      { from: 'agent', text: 'Ja, für beide Karten. Ich schicke Ihnen die Bestätigung per E-Mail.' },
      { from: 'customer', text: 'Einverstanden. Danke schön!' },
    ],
  },
  {
    id: 'priority-ar',
    language: 'ar',
    channel: 'webMessaging',
    queueId: 'queue-priority',
    customer: { name: 'Rania Khoury', email: 'rania.khoury@example.com', phone: '+971 50 123 4567', tier: 'Platinum', notes: 'VIP — يفضل العربية' },
    topic: 'تأخر الشحنة',
    tags: ['shipping', 'ar', 'vip'],
    turns: [
      { from: 'customer', text: 'مرحبا، طلبي رقم 55821 متأخر منذ أسبوع. متى سيصل؟' },
      { from: 'agent', text: 'مرحبا رانيا، معك {agent}. أعتذر عن التأخير، سأتحقق من حالة الشحنة الآن.' },
      { from: 'agent', text: 'الشحنة في دبي وستصل غدا قبل الساعة 12 ظهرا. رقم التتبع: DXB-55821-AE' },
      { from: 'customer', text: 'شكرا جزيلا 🌹 هذا رابط صورة الإيصال', attachments: [{ name: 'receipt.png', url: 'https://files.example.com/uploads/receipt-55821.png' }] },
      { from: 'agent', text: 'تم استلام الإيصال. يوم سعيد!' },
    ],
  },
  {
    id: 'tech-ja',
    language: 'ja',
    channel: 'thirdPartyMessaging',
    queueId: 'queue-tech',
    customer: { name: 'Hiroshi Yamamoto', email: 'h.yamamoto@example.jp', tier: 'Gold' },
    topic: 'アプリのログイン',
    tags: ['app', 'login', 'ja'],
    turns: [
      { from: 'customer', text: 'こんにちは。アプリにログインできません。「認証エラー 401」と表示されます。' },
      { from: 'agent', text: '山本様、{agent}です。パスワードを最近変更されましたか？' },
      { from: 'customer', text: 'はい、昨日変更しました。' },
      { from: 'agent', text: 'アプリを一度ログアウトして、最新バージョン（4.2.1）に更新してからもう一度お試しください。' },
      { from: 'customer', text: 'できました！ありがとうございます 🎉' },
    ],
  },
  {
    id: 'billing-emoji-sms',
    language: 'en',
    channel: 'sms',
    queueId: 'queue-billing',
    customer: { name: 'Nia Thompson', phone: '+1 555 0188', tier: 'Standard' },
    topic: 'Payment date',
    tags: ['payment', 'sms'],
    turns: [
      { from: 'customer', text: 'hey can i move my payment date to the 15th 🙏💸' },
      { from: 'agent', text: 'Hi Nia, {agent} here 👋 Yes, I can do that for you.' },
      { from: 'agent', text: 'Done ✅ From next month your payment date is the 15th.' },
      { from: 'customer', text: 'ur the best 😍🔥🔥' },
    ],
  },
  {
    id: 'sales-attachments',
    language: 'en',
    channel: 'webMessaging',
    queueId: 'queue-sales',
    customer: { name: 'Peter Lindgren', email: 'peter@lindgren-design.example', phone: '+46 70 123 45 67', tier: 'Business', notes: 'Small design studio, 8 seats.' },
    topic: 'Business plan quote',
    tags: ['business', 'quote'],
    turns: [
      { from: 'customer', text: 'Hello, we need a quote for 8 business lines. Our current setup is in the spreadsheet.', attachments: [{ name: 'current-lines.xlsx', url: 'https://files.example.com/uploads/current-lines.xlsx' }] },
      { from: 'agent', text: 'Hi Peter, {agent} here. Thanks, I have the spreadsheet open.' },
      { from: 'agent', text: 'Here is the quote for Business Pro with 8 lines and a shared data pool.', attachments: [{ name: 'quote-Q-2291.pdf', url: 'https://files.example.com/quotes/Q-2291.pdf' }] },
      { from: 'customer', text: 'Looks good. Can we start on the 1st?' },
      { from: 'agent', text: 'Yes, I have booked the switch for the 1st at 08:00.' },
    ],
  },
  {
    id: 'retentions-en',
    language: 'en',
    channel: 'chat',
    queueId: 'queue-retentions',
    customer: { name: 'Benjamin Stone', email: 'ben.stone@example.com', tier: 'Silver', notes: 'Mentioned moving abroad.' },
    topic: 'Moving abroad',
    tags: ['cancellation', 'relocation'],
    turns: [
      { from: 'customer', text: "I'm moving to Portugal next month, so I guess I have to cancel?" },
      { from: 'agent', text: "Hi Benjamin, I'm {agent}. Congratulations on the move! You don't have to cancel: our EU roaming plan keeps your number." },
      { from: 'customer', text: 'Oh really? How much is it?' },
      { from: 'agent', text: '19.99 a month with 50 GB in the EU. I can switch you on the day you move.' },
      { from: 'customer', text: 'Deal 👍' },
    ],
  },
  {
    id: 'priority-outage',
    language: 'en',
    channel: 'webMessaging',
    queueId: 'queue-priority',
    customer: { name: 'Michael Okonkwo', email: 'm.okonkwo@example.com', phone: '+1 555 0117', tier: 'Platinum', notes: 'Runs a clinic: connectivity is critical.' },
    topic: 'Business outage',
    tags: ['outage', 'critical', 'sla'],
    assistanceAtTurn: 1,
    turns: [
      { from: 'customer', text: 'Our clinic has had no internet for 2 hours. Patients are waiting. This is urgent!!' },
      { from: 'agent', text: "Hi Michael, {agent} here. I'm escalating this right now." },
      { from: 'agent', text: 'An engineer is on the way, arriving within 45 minutes. I am also activating a 4G backup router for you.' },
      { from: 'customer', text: 'Thank you. Please keep me updated.' },
    ],
  },
  {
    id: 'tech-de-chat',
    language: 'de',
    channel: 'chat',
    queueId: 'queue-tech',
    customer: { name: 'Lukas Weber', email: 'lukas.weber@example.de', tier: 'Standard' },
    topic: 'E-Mail-Einrichtung',
    tags: ['email', 'de'],
    turns: [
      { from: 'customer', text: 'Hallo! Wie richte ich mein E-Mail-Konto in Outlook ein? IMAP oder POP3?' },
      { from: 'agent', text: 'Hallo Lukas, hier ist {agent}. Bitte IMAP verwenden: imap.example.de, Port 993, SSL.' },
      { from: 'customer', text: 'Und der Postausgangsserver?' },
      { from: 'agent', text: 'smtp.example.de, Port 587, STARTTLS. Anleitung: https://help.example.de/outlook-imap' },
      { from: 'customer', text: 'Funktioniert. Danke! 😀' },
    ],
  },
];

/**
 * Conversations written as an attacker would (script/img tags, `onerror=`,
 * `javascript:` links, a markup customer name). Shown only in the opt-in
 * `hostile` demo scenario (`--scenario hostile`), never in the default demo.
 */
export const hostileScripts: readonly ConversationScript[] = [
  {
    id: 'hostile-script',
    language: 'en',
    channel: 'chat',
    queueId: 'queue-tech',
    customer: { name: '<b>Tyler Jackson</b>', email: 'tyler@example.com', tier: 'Standard', notes: '<img src=x onerror=alert(1)> flagged by fraud check' },
    topic: 'Account access',
    tags: ['security', '<script>'],
    assistanceAtTurn: 3,
    turns: [
      { from: 'customer', text: '<script>alert(1)</script> hello?? is anyone there' },
      { from: 'agent', text: "Hi, I'm {agent}. How can I help you today?" },
      { from: 'customer', text: 'Click this to see my problem: javascript:alert(document.cookie)', attachments: [{ name: 'problem.html', url: 'javascript:alert(1)' }] },
      { from: 'agent', text: "For your security I can't open links like that. Could you describe the problem instead?" },
      { from: 'customer', text: '<img src=x onerror=alert(1)> my account is locked' },
      { from: 'agent', text: 'I have sent a reset link to the email on file. It expires in 15 minutes.' },
    ],
  },
];

export function scriptById(id: string): ConversationScript {
  const script = conversationScripts.find((s) => s.id === id) ?? hostileScripts.find((s) => s.id === id);
  if (!script) throw new Error(`Unknown conversation script ${id}`);
  return script;
}
