<?php

/**
 * The comments of singular posts on any theme: WordPress's comment_form() inside
 * `<comment-form>`, and the theme's thread with that form inside `<comment-list>`,
 * from a classic theme's comments template or the blocks of a block theme. The site's
 * discussion settings become the elements' attributes, and the REST API takes comments
 * from readers who are not signed in exactly where the site's own form does.
 *
 * @package NewsWidgets
 */

if (!defined('ABSPATH')) {
    exit;
}

function news_widgets_hook_comments(): void
{
    add_action('comment_form_before', 'news_widgets_open_comment_form');
    add_action('comment_form_after', 'news_widgets_close_comment_form');
    add_filter('comments_template', 'news_widgets_comments_template', 100);
    add_filter('render_block', 'news_widgets_render_comment_blocks', 10, 3);
    add_action('wp_footer', 'news_widgets_leave_replies_to_the_elements', 1);
    add_filter('rest_allow_anonymous_comments', 'news_widgets_allow_anonymous_comments', 10, 2);
}

/**
 * Whether this page's comment form is upgraded: a singular post or page, with the
 * upgrade on, and a form to take over (a site that asks readers to sign in first shows
 * them a link instead).
 */
function news_widgets_upgrades_form(): bool
{
    return is_singular() && news_widgets_options()['form'] && (is_user_logged_in() || !get_option('comment_registration'));
}

/**
 * Whether this page's thread is upgraded too. `<comment-list>` moves the `<comment-form>`
 * it holds: under another form tag, the list is left as the theme prints it.
 */
function news_widgets_upgrades_list(): bool
{
    return news_widgets_upgrades_form() && news_widgets_options()['list']
        && 'comment-form' === news_widgets_tag_names()['comment-form'];
}

/**
 * The forms wrapped on this page so far, and whether one is open now.
 *
 * @param int $change +1 when a form opens, -1 when it closes.
 * @return array{wrapped: int, open: int}
 */
function news_widgets_forms(int $change = 0): array
{
    static $forms = ['wrapped' => 0, 'open' => 0];
    if ($change > 0) {
        $forms['wrapped']++;
    }
    $forms['open'] = max(0, $forms['open'] + $change);
    return $forms;
}

/** The site's language, as the elements' `lang` (`en-US`, `de-DE`…). */
function news_widgets_lang(): string
{
    return get_bloginfo('language');
}

/** Where the elements post and read comments: WordPress's REST route, as this site writes its URLs. */
function news_widgets_comments_endpoint(): string
{
    return esc_url_raw(rest_url('wp/v2/comments'));
}

/**
 * `<comment-form>`'s attributes from the site's settings. Its post and reply come from
 * the hidden fields of WordPress's form.
 *
 * @return array<string, string|null>
 */
function news_widgets_form_attributes(): array
{
    $signed_in = is_user_logged_in();
    if ($signed_in) {
        $identity = 'hidden';
    } else {
        $identity = get_option('require_name_email') ? 'required' : 'optional';
    }
    return [
        'endpoint' => news_widgets_comments_endpoint(),
        'identity' => $identity,
        'nonce' => $signed_in ? wp_create_nonce('wp_rest') : null,
        'lang' => news_widgets_lang(),
    ];
}

/**
 * `<comment-list>`'s attributes from the site's settings.
 *
 * @param int $post_id The post whose comments these are.
 * @return array<string, string|int>
 */
function news_widgets_list_attributes(int $post_id): array
{
    return [
        'endpoint' => news_widgets_comments_endpoint(),
        'post-id' => $post_id,
        'depth' => get_option('thread_comments') ? max(1, (int) get_option('thread_comments_depth')) : 1,
        'per-page' => get_option('page_comments') ? min(100, max(1, (int) get_option('comments_per_page'))) : 100,
        // "Comments should be displayed with the older/newer comments at the top of each page".
        'order' => 'desc' === get_option('comment_order') ? 'desc' : 'asc',
        // A boolean attribute: present (empty) when "Show Avatars" is off.
        'hide-avatars' => get_option('show_avatars') ? null : '',
        'lang' => news_widgets_lang(),
    ];
}

function news_widgets_open_comment_form(): void
{
    if (!news_widgets_upgrades_form()) {
        return;
    }
    news_widgets_forms(+1);
    news_widgets_enqueue_bundle();
    printf('<%s%s>', esc_html(news_widgets_tag_names()['comment-form']), news_widgets_attributes(news_widgets_form_attributes()));
}

function news_widgets_close_comment_form(): void
{
    if (news_widgets_forms()['open'] > 0) {
        news_widgets_forms(-1);
        printf('</%s>', esc_html(news_widgets_tag_names()['comment-form']));
    }
}

/**
 * A classic theme's comments template, run inside the plugin's (templates/comments.php),
 * which puts `<comment-list>` around its thread and form.
 *
 * @param string $template The theme's comments template.
 */
function news_widgets_comments_template($template): string
{
    if (!news_widgets_upgrades_list() || !is_string($template) || !is_file($template)) {
        return (string) $template;
    }
    news_widgets_theme_comments_template($template);
    return __DIR__ . '/../templates/comments.php';
}

/**
 * The theme's comments template the plugin's runs.
 *
 * @param string|null $template Set when WordPress picks it.
 */
function news_widgets_theme_comments_template(?string $template = null): string
{
    static $theme_template = '';
    if (null !== $template) {
        $theme_template = $template;
    }
    return $theme_template;
}

/**
 * A theme's thread and form inside `<comment-list>`.
 *
 * @param string $html    What the theme printed.
 * @param int    $post_id The post.
 */
function news_widgets_wrap_comments(string $html, int $post_id): string
{
    // The Comments block renders its HTML, then WordPress filters it once more as the block's output.
    if (str_contains($html, '<comment-list')) {
        return $html;
    }
    $open = '<comment-list' . news_widgets_attributes(news_widgets_list_attributes($post_id)) . '>';
    return news_widgets_wrap_thread($html, $open, 'comment-form', 0 === (int) get_comments_number($post_id));
}

/**
 * Block themes: the Comments block's thread and form inside `<comment-list>`, and the
 * class names of WordPress's classic comment markup on the comment blocks, by which
 * `<comment-list>` reads a comment's author and words as it reads wp_list_comments().
 *
 * @param string        $html  The block's HTML.
 * @param array         $block The parsed block.
 * @param WP_Block|null $instance The block, with its context.
 */
function news_widgets_render_comment_blocks($html, $block, $instance = null): string
{
    $html = (string) $html;
    $name = is_array($block) ? ($block['blockName'] ?? '') : '';
    if (!str_starts_with((string) $name, 'core/comment') || !news_widgets_upgrades_list()) {
        return $html;
    }
    switch ($name) {
        case 'core/comment-template':
            // Once per comment (no <ol>), then once around them all.
            $changed = preg_replace('/^(\s*<ol\b[^>]*\bclass=")/', '$1comment-list ', $html, 1);
            break;
        case 'core/comment-author-name':
            $changed = preg_replace('/^(\s*<div\b[^>]*\bclass=")([^>]*>)(.*)(<\/div>\s*)$/s', '$1comment-author $2<span class="fn">$3</span>$4', $html, 1);
            break;
        case 'core/comment-content':
            $changed = preg_replace('/^(\s*<div\b[^>]*\bclass=")/', '$1comment-content ', $html, 1);
            break;
        case 'core/comments':
            $post_id = $instance instanceof WP_Block ? (int) ($instance->context['postId'] ?? 0) : 0;
            $changed = news_widgets_wrap_comments($html, $post_id ?: (int) get_the_ID());
            break;
        default:
            $changed = $html;
    }
    // A pattern that fails (on markup too large for PCRE's limits) leaves the block as it was.
    return $changed ?? $html;
}

/**
 * WordPress's comment-reply.js would move the form out of `<comment-form>`: where the
 * elements take over, they move it. Reply links without it open the form as a reply
 * (`?replytocom=`), as they do without JavaScript.
 */
function news_widgets_leave_replies_to_the_elements(): void
{
    if (news_widgets_forms()['wrapped'] > 0) {
        wp_dequeue_script('comment-reply');
    }
}

/**
 * The REST API takes a comment from a reader who is not signed in only where the site's
 * own form would: the site lets anyone comment (not "Users must be registered and
 * logged in to comment"), the plugin's form upgrade is on, and the post is published,
 * open for comments and not behind a password. Anything else keeps WordPress's answer.
 *
 * @param bool            $allowed WordPress's answer (false unless another plugin said otherwise).
 * @param WP_REST_Request $request The comment's request.
 */
function news_widgets_allow_anonymous_comments($allowed, $request): bool
{
    if ($allowed || get_option('comment_registration') || !news_widgets_options()['form']) {
        return (bool) $allowed;
    }
    $post = $request instanceof WP_REST_Request ? get_post((int) $request->get_param('post')) : null;
    return $post instanceof WP_Post && 'publish' === $post->post_status && comments_open($post)
        && !post_password_required($post);
}
