// A menu page whose API has not landed yet: it says so plainly and shows no numbers.
import { h, mount } from '../dom.js';
import { empty } from '../ui.js';

export function render(root, { page }) {
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, page.title)),
    h('section', { class: 'card', dataset: { pending: page.id } },
      empty('数据源尚未接入',
        `此页面将显示${page.shows}。所需的「${page.source}」接口尚未上线，上线后即在此显示真实数据；目前没有可显示的内容。`)));
}
