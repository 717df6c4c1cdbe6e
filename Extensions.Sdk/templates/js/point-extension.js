// {{name}}: an extension point (world saas:extensibility/point-extension@1.0.0), made a component
// by componentize-js. console.log goes to the invocation log; so does log().
import { log } from 'saas:extensibility/logging@1.0.0';
import { get as setting } from 'saas:extensibility/config@1.0.0';

export const extensionPoint = {
  invoke(point, input) {
    let parsed;
    try {
      parsed = JSON.parse(input);
    } catch {
      throw { code: 'bad-input', message: 'expected JSON input' };
    }

    // Settings the operator's admins manage per component.
    const greeting = setting('greeting') ?? 'hello';
    console.log(`{{name}} serving ${point}`);
    log('info', `{{name}} answered ${point}`);
    return JSON.stringify({ point, greeting, input: parsed });
  },
};
