// JavaScript guest (componentize-js / StarlingMonkey) for world
// saas:extensibility/event-extension@1.0.0, built with every WASI feature disabled so the
// component imports nothing but saas:extensibility/logging@1.0.0.
//
// Behaviour (tests assert it; keep tests/guests/README.md in step), checked in this order:
// - every event: one `info` log line `js handler: <event-type> event <id> for <tenant-id>`;
// - payload contains "forbidden"   -> ok(veto("js vetoed <event-type>: payload is forbidden"));
// - event-type is "order.rewrite"  -> ok(replace(JSON of {rewritten: true, original: <payload>}));
// - payload contains "fail"        -> err({ code: "js-fail", message: "js handler failed on <event-type>" })
//                                     (a JS `throw` of the failure record becomes `err`);
// - otherwise                      -> ok(proceed).
import { log } from 'saas:extensibility/logging@1.0.0';

export const eventHandler = {
  handle(event) {
    log('info', `js handler: ${event.eventType} event ${event.id} for ${event.tenantId}`);
    if (event.payload.includes('forbidden')) {
      return { tag: 'veto', val: `js vetoed ${event.eventType}: payload is forbidden` };
    }
    if (event.eventType === 'order.rewrite') {
      return { tag: 'replace', val: JSON.stringify({ rewritten: true, original: event.payload }) };
    }
    if (event.payload.includes('fail')) {
      throw { code: 'js-fail', message: `js handler failed on ${event.eventType}` };
    }
    return { tag: 'proceed' };
  },
};
