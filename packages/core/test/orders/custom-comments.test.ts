import { prepareOrder } from '../../src/orders';
import { service, validationError } from './helpers';

const svc = service('Custom Comments', { rate: '8', min: 2, max: 5 });

describe('Custom Comments order', () => {
  it('sends the comments one per line, no quantity; bills the number of non-empty lines', () => {
    const p = prepareOrder(svc, { link: 'https://x.com/p/1', comments: '  Great!  \r\n\r\nLove it\r\n   \nwow\n' });
    expect(p.form).toEqual({ action: 'add', service: '7', link: 'https://x.com/p/1', comments: 'Great!\nLove it\nwow' });
    expect(p.form.quantity).toBeUndefined();
    expect(p.quantity).toBe(3);
    expect(p.quantity_rule).toBe('comment_lines');
    expect(p.quantity_explained).toBe('3 comment lines');
    expect(p.charge).toBe('0.024');
  });

  it('accepts a list of comments, splitting any that hold line breaks', () => {
    const p = prepareOrder(svc, { link: 'https://x.com/p/1', comments: ['one', ' two\rthree ', ''] });
    expect(p.form.comments).toBe('one\ntwo\nthree');
    expect(p.quantity).toBe(3);
  });

  it('ignores a quantity the user gives: the lines decide', () => {
    const p = prepareOrder(svc, { link: 'https://x.com/p/1', comments: 'a\nb', quantity: 500 });
    expect(p.quantity).toBe(2);
    expect(p.form.quantity).toBeUndefined();
  });

  it.each([
    [{ link: 'https://x.com/p/1' }, 'comments', /required/],
    [{ link: 'https://x.com/p/1', comments: '' }, 'comments', /required/],
    [{ link: 'https://x.com/p/1', comments: '\r\n  \n\t\n' }, 'comments', /required/],
    [{ link: 'https://x.com/p/1', comments: ['  ', '\r\n'] }, 'comments', /no comments/],
    [{ link: 'https://x.com/p/1', comments: [] }, 'comments', /required/],
    [{ link: 'https://x.com/p/1', comments: [{}] }, 'comments', /one comment per line/],
    [{ link: 'https://x.com/p/1', comments: 'a' }, 'comments', /1 comment line.*between 2 and 5/],
    [{ link: 'https://x.com/p/1', comments: 'a\nb\nc\nd\ne\nf' }, 'comments', /6 comment lines.*between 2 and 5/],
    [{ comments: 'a\nb' }, 'link', /required/],
  ])('refuses %j naming %s', (input, field, message) => {
    expect(validationError(() => prepareOrder(svc, input as never), field).message).toMatch(message);
  });
});
