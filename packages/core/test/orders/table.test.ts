import { ORDER_TYPES, ORDER_TYPE_NAMES, normalizeServiceType, orderFields } from '../../src/orders';

describe('order-type table', () => {
  it('holds the eight types of the spec', () => {
    expect(ORDER_TYPE_NAMES).toEqual(['Default', 'SEO', 'Custom Comments', 'Custom Comments Package', 'Poll', 'Subscriptions', 'Invites from Groups', 'Package']);
    for (const name of ORDER_TYPE_NAMES) expect(ORDER_TYPES[name].type).toBe(name);
    expect(ORDER_TYPE_NAMES.filter((n) => !ORDER_TYPES[n].creatable)).toEqual(['Subscriptions']);
  });

  it.each([
    ['Default', ['link', 'quantity', 'runs', 'interval'], ['link', 'quantity']],
    ['SEO', ['link', 'keywords', 'quantity'], ['link', 'keywords', 'quantity']],
    ['Custom Comments', ['link', 'comments'], ['link', 'comments']],
    ['Custom Comments Package', ['username', 'min', 'max', 'delay', 'posts', 'old_posts', 'expiry'], ['username', 'min', 'max', 'delay']],
    ['Poll', ['link', 'quantity', 'answer_number'], ['link', 'quantity', 'answer_number']],
    ['Subscriptions', [], []],
    ['Invites from Groups', ['link', 'groups', 'quantity'], ['link', 'groups', 'quantity']],
    ['Package', ['link'], ['link']],
  ])('%s has fields %j, required %j', (type, names, required) => {
    const fields = orderFields(type);
    expect(fields.map((f) => f.name)).toEqual(names);
    expect(fields.filter((f) => f.required).map((f) => f.name)).toEqual(required);
    for (const f of fields) {
      expect(f.label).not.toBe('');
      expect(f.description.length).toBeGreaterThan(10);
      expect(['url', 'string', 'lines', 'list', 'integer', 'date']).toContain(f.kind);
      expect(f).not.toHaveProperty('schema');
    }
  });

  it('describes kinds, minimums and defaults for the adapters', () => {
    const ccp = Object.fromEntries(orderFields('Custom Comments Package').map((f) => [f.name, f]));
    expect(ccp.posts).toMatchObject({ kind: 'integer', default: 1, min: 1, required: false });
    expect(ccp.expiry).toMatchObject({ kind: 'date' });
    expect(ccp.username).toMatchObject({ kind: 'string' });
    expect(orderFields('SEO')[1]).toMatchObject({ name: 'keywords', kind: 'list' });
    expect(orderFields('Custom Comments')[1]).toMatchObject({ name: 'comments', kind: 'lines' });
    expect(orderFields('Poll')[0]).toMatchObject({ name: 'link', kind: 'url' });
  });

  it.each([
    ['Default', 'Default'],
    ['default', 'Default'],
    [' DEFAULT ', 'Default'],
    ['seo', 'SEO'],
    ['custom comments', 'Custom Comments'],
    ['custom_comments', 'Custom Comments'],
    ['Custom-Comments-Package', 'Custom Comments Package'],
    ['custom comments  package', 'Custom Comments Package'],
    ['poll', 'Poll'],
    ['Subscription', 'Subscriptions'],
    ['invites from groups', 'Invites from Groups'],
    ['Invites_From_Groups', 'Invites from Groups'],
    ['package', 'Package'],
  ])('normalizeServiceType(%j) → %s', (raw, name) => {
    expect(normalizeServiceType(raw)).toBe(name);
    expect(orderFields(raw)).toEqual(orderFields(name));
  });

  it.each(['', 'Mentions', 'Comment Likes', 'Default Package'])('normalizeServiceType(%j) → null', (raw) => {
    expect(normalizeServiceType(raw)).toBeNull();
    expect(orderFields(raw)).toEqual([]);
  });

  it('normalizeServiceType of a non-string is null', () => {
    expect(normalizeServiceType(undefined)).toBeNull();
    expect(normalizeServiceType(3)).toBeNull();
  });
});
