/**
 * The build's template minifier (scripts/vite-plugins/minify-templates.ts): the CSS and HTML of the elements'
 * Lit templates lose comments and source indentation, and nothing a browser reads
 * differently. Each case is CSS or HTML the elements use, or could.
 */
import { describe, expect, it } from 'vitest';
import { minifyCssText, minifyHtmlText } from '../../../scripts/vite-plugins/minify-templates.js';

describe('minifyCssText', () => {
  it('drops comments and indentation, and the last semicolon of a block', () => {
    expect(
      minifyCssText(`
      /* The host is a block. */
      :host {
        display: block;
        color: var(--news-widgets-text, CanvasText);
      }
    `),
    ).toBe(' :host{display:block;color:var(--news-widgets-text,CanvasText)}');
  });

  it('keeps the descendant combinator of :host ::slotted(*) and of selectors that span lines', () => {
    expect(minifyCssText(':host ::slotted(*) {\n  margin: 0;\n}')).toBe(':host ::slotted(*){margin:0}');
    expect(minifyCssText('[part~="content"]\n    blockquote,\n  :host([hidden]) {\n display: none }')).toBe(
      '[part~="content"] blockquote,:host([hidden]){display:none}',
    );
  });

  it('keeps the spaces calc() needs around + and -', () => {
    expect(minifyCssText('width: calc(100% - 2 * var(--gap, 1rem));\n  margin: calc(1em + -2px);')).toBe(
      'width:calc(100% - 2 * var(--gap,1rem));margin:calc(1em + -2px);',
    );
  });

  it('keeps "and" between media features, and the space before a feature', () => {
    expect(
      minifyCssText(
        '@media (min-width: 40em) and (prefers-reduced-motion: reduce) {\n  :host { transition: none; }\n}',
      ),
    ).toBe('@media (min-width:40em) and (prefers-reduced-motion:reduce){:host{transition:none}}');
  });

  it('leaves quoted strings as they are, comment-like text, runs of spaces and semicolons included', () => {
    expect(minifyCssText(`[part~='x']::before { content: "/* not a comment */  a ;  b"; }`)).toBe(
      `[part~='x']::before{content:"/* not a comment */  a ;  b"}`,
    );
    expect(minifyCssText(`q::after { content: ' : { } , '; }`)).toBe(`q::after{content:' : { } , '}`);
    // An apostrophe inside a comment does not open a string.
    expect(minifyCssText(`/* the reader's text */ p { margin: 0 }`)).toBe(' p{margin:0}');
    expect(minifyCssText(`/* it's */ a { margin: 1px/**/2px } /* 'x' */ b { content: 'y' }`)).toBe(
      ` a{margin:1px 2px}b{content:'y'}`,
    );
  });

  it('keeps a space at either end: a piece between two ${} may start or end with a combinator', () => {
    expect(minifyCssText(' .b {\n  color: red;\n}\n ')).toBe(' .b{color:red}');
    expect(minifyCssText('}\n  .a\n    ')).toBe('}.a ');
  });

  it('keeps !important and pseudo-classes that follow a space', () => {
    expect(minifyCssText('a :focus-visible {\n  outline: 2px solid Highlight !important;\n}')).toBe(
      'a :focus-visible{outline:2px solid Highlight !important}',
    );
  });
});

describe('minifyHtmlText', () => {
  it('turns a run of whitespace that spans lines into the one space it renders as', () => {
    expect(
      minifyHtmlText('<p>\n      <span class="visually-hidden">Error:</span> \n  Fill in\n    your name\n</p>'),
    ).toBe('<p> <span class="visually-hidden">Error:</span> Fill in your name </p>');
  });

  it('keeps the space between inline elements and text on one line, as written', () => {
    expect(minifyHtmlText('<b>Posted</b>  <a href="#x">now</a>')).toBe('<b>Posted</b>  <a href="#x">now</a>');
    expect(minifyHtmlText('<b>Posted</b><a href="#x">now</a>')).toBe('<b>Posted</b><a href="#x">now</a>');
  });

  it('keeps a line break between inline elements as a space (not none: the words stay apart)', () => {
    expect(minifyHtmlText('<a>one</a>\n  <a>two</a>')).toBe('<a>one</a> <a>two</a>');
  });

  it('keeps attributes that span lines apart', () => {
    expect(minifyHtmlText('<textarea\n  part="input"\n  rows="8"\n></textarea>')).toBe(
      '<textarea part="input" rows="8" ></textarea>',
    );
  });
});
