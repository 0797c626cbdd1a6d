/** Text for screen readers only: hidden from sight, still read out. */
import { css } from 'lit';

export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    clip-path: inset(50%);
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    white-space: nowrap;
  }
`;
