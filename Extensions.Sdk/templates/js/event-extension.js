// {{name}}: an event handler (world saas:extensibility/event-extension@1.0.0), made a component
// by componentize-js. console.log goes to the invocation log; so does log().
import { log } from 'saas:extensibility/logging@1.0.0';
import { get, set } from 'saas:extensibility/key-value@1.0.0';

export const eventHandler = {
  handle(event) {
    console.log(`{{name}} received ${event.eventType} ${event.id}`);

    // A synchronous subscription may stop the operation that raised the event.
    if (event.payload.includes('"blocked":true')) {
      return { tag: 'veto', val: 'blocked by {{name}}' };
    }

    // State that survives between calls lives in the host's key-value store. A failure is a
    // thrown { code, message } record.
    const stored = get('seen');
    const seen = (stored ? Number(new TextDecoder().decode(stored)) : 0) + 1;
    set('seen', new TextEncoder().encode(String(seen)));
    log('info', `{{name}} has seen ${seen} event(s)`);
    return { tag: 'proceed' };
  },
};
