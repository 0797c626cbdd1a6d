<?php

/**
 * Reading and changing the HTML a theme or block printed, without changing what it
 * printed otherwise: attributes written escaped, and `<comment-list>` put around a
 * theme's thread and form when they sit side by side, as the element needs them.
 *
 * @package NewsWidgets
 */

if (!defined('ABSPATH')) {
    exit;
}

/**
 * Attributes as HTML (` name="value"`, each escaped); null values are left out.
 *
 * @param array<string, string|int|null> $attributes Attribute names and values.
 */
function news_widgets_attributes(array $attributes): string
{
    $html = '';
    foreach ($attributes as $name => $value) {
        if (null !== $value) {
            $html .= sprintf(' %s="%s"', esc_attr($name), esc_attr((string) $value));
        }
    }
    return $html;
}

/**
 * `<comment-list>` around a theme's thread (the `<ol class="comment-list">` that
 * wp_list_comments() fills, or `commentlist`) and its comment form, when both are
 * children of one element: the list upgrades a thread that is its own child, and moves
 * the form it holds. A post without comments has no thread: the list gets an empty one,
 * hidden, after which it shows the reader's own comment once they post it. Otherwise the
 * HTML is returned as it was.
 *
 * @param string $html         The theme's comments: thread, form and whatever is between them.
 * @param string $list_open    The `<comment-list …>` start tag.
 * @param string $form_tag     The comment form's tag name.
 * @param bool   $no_comments  Whether the post has no approved comments yet.
 */
function news_widgets_wrap_thread(string $html, string $list_open, string $form_tag, bool $no_comments = false): string
{
    $thread = news_widgets_find_element($html, static function (string $name, string $attributes): bool {
        return 'ol' === $name && preg_match('/\bclass\s*=\s*["\'](?:[^"\']*\s)?(?:comment-list|commentlist)[\s"\']/i', $attributes) === 1;
    });
    $form = news_widgets_find_element($html, static function (string $name) use ($form_tag): bool {
        return $form_tag === $name;
    });
    if (!$thread && $form && $no_comments) {
        return substr($html, 0, $form['start']) . $list_open . '<ol class="comment-list" hidden></ol>'
            . substr($html, $form['start'], $form['end'] - $form['start']) . '</comment-list>' . substr($html, $form['end']);
    }
    if (!$thread || !$form || $thread['parent'] !== $form['parent']) {
        return $html;
    }
    $start = min($thread['start'], $form['start']);
    $end = max($thread['end'], $form['end']);
    return substr($html, 0, $start) . $list_open . substr($html, $start, $end - $start) . '</comment-list>'
        . substr($html, $end);
}

/**
 * The first element the test accepts: where it starts and ends in the HTML, and the
 * start of its parent element (-1 at the top level); null when there is none, or it is
 * not closed.
 *
 * @param string   $html   HTML as WordPress prints it (void elements unclosed, others closed).
 * @param callable $accept Given a tag's name and attributes, whether it is the one.
 * @return array{start: int, end: int, parent: int}|null
 */
function news_widgets_find_element(string $html, callable $accept): ?array
{
    $void = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'];
    preg_match_all('/<!--.*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/s', $html, $tags, PREG_SET_ORDER | PREG_OFFSET_CAPTURE);
    $open = [];
    $found = null;
    $raw_text = null;
    foreach ($tags as $tag) {
        $name = strtolower($tag[2][0] ?? '');
        $closing = '/' === ($tag[1][0] ?? '');
        if ('' === $name || ($raw_text && !($closing && $raw_text === $name))) {
            continue; // A comment, or text inside <script> or <style>.
        }
        $start = $tag[0][1];
        if ($closing) {
            $raw_text = null;
            $at = count($open) - 1;
            while ($at >= 0 && $open[$at]['name'] !== $name) {
                $at--;
            }
            if ($at < 0) {
                continue;
            }
            if ($found && $found['start'] === $open[$at]['start']) {
                $found['end'] = $start + strlen($tag[0][0]);
                return $found;
            }
            array_splice($open, $at);
            continue;
        }
        if (!$found && $accept($name, $tag[3][0])) {
            $found = ['start' => $start, 'end' => -1, 'parent' => $open ? end($open)['start'] : -1];
        }
        if (!in_array($name, $void, true) && !str_ends_with($tag[0][0], '/>')) {
            $open[] = ['name' => $name, 'start' => $start];
            $raw_text = in_array($name, ['script', 'style'], true) ? $name : null;
        }
    }
    return null;
}
