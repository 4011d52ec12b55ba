// What a policy edit would change for real traffic: the edited policy replaces the stored one
// among all the stored policies of its service(s), and the server replays the newest logged
// decisions of those services against both (POST /v1/policies/_impact). Nothing is written.

import { get, post, withQuery } from './api.js';
import { h, notice, replace, table } from './dom.js';
import { count, decidedBy, time, verdict } from './format.js';
import { editable } from './policy-doc.js';

const LISTED = 50;

/** Renders into {@code panel} the preview of the validated edit {@code result} of the {@code stored} policy. */
export async function previewImpact(panel, stored, result) {
  panel.hidden = false;
  const title = h('h2', { tabindex: -1 }, 'Impact on logged decisions');
  const document = result?.document;
  if (!document || !result.valid) {
    replace(panel, title, notice('error', 'Fix the problems listed under the editor first.'));
    return;
  }
  replace(panel, title, notice('info', 'Replaying the newest logged decisions…'));
  title.focus();
  try {
    const answer = await post(withQuery('/v1/policies/_impact', { maxFlips: LISTED }), await bundle(document, stored));
    replace(panel, title, summary(answer), answer.flips.length ? flips(answer) : null);
  } catch (error) {
    replace(panel, title, notice('error', `No preview: ${error.message}`));
  }
}

/** Every stored policy of the services involved, with the edited one in place of its stored version. */
async function bundle(document, stored) {
  const services = [...new Set([document.service, stored?.service].filter((service) => service !== undefined))];
  const lists = await Promise.all(services.map((service) => get(withQuery('/v1/policies', { service }))));
  const others = lists.flatMap((list) => list.policies).filter((policy) => policy.id !== document.id);
  return { services, policies: [...others.map(editable), editable(document)] };
}

function summary(answer) {
  const range = answer.replayed ? [' decided between ', time(answer.oldest), ' and ', time(answer.newest)] : [];
  return h('div', { class: 'impact-summary' },
    h('p', {}, `Replayed ${count(answer.replayed)} logged decisions of ${answer.replayedServices.join(', ') || 'no service'}`,
      ...range, '.'),
    h('p', { class: answer.flipped ? 'notice warning' : 'notice success', role: 'status' },
      answer.flipped
        ? `${count(answer.flipped)} would flip: ${count(answer.allowToDeny)} from allow to deny, `
          + `${count(answer.denyToAllow)} from deny to allow.`
        : 'None of them would flip.'),
    h('ul', { class: 'hint' },
      h('li', {}, `${count(answer.ruleChanged)} would be decided the same way by another rule.`),
      answer.drift
        ? h('li', {}, `${count(answer.drift)} are already decided differently today than the log says (drift).`)
        : null,
      answer.masked
        ? h('li', {}, `${count(answer.masked)} carry masked values (${count(answer.maskedFlipped)} of them flip); `
          + 'treat those as unreliable.')
        : null));
}

function flips(answer) {
  return table(answer.truncated ? `The first ${answer.flips.length} flips, newest first` : 'The flips, newest first',
    ['Time', 'Principal', 'Action', 'Resource', 'Now', 'With this edit'],
    answer.flips.map((flip) => [
      time(flip.time),
      flip.principal.id,
      flip.action,
      [flip.resource.service, flip.resource.kind, flip.resource.id].filter(Boolean).join(' / '),
      h('span', {}, verdict(flip.before.allow), ` ${decidedBy(flip.before.policy, flip.before.rule)}`),
      h('span', {}, verdict(flip.after.allow), ` ${decidedBy(flip.after.policy, flip.after.rule)}`),
    ]));
}
