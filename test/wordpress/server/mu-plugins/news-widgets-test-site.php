<?php
/**
 * Plugin Name: news-widgets test site
 * Description: What the contract tests need from the test WordPress that scripts/wordpress.sh runs. Nothing else of WordPress's behaviour is changed.
 */

/**
 * Posts with the meta `_news_widgets_hold_comments` hold new comments for moderation
 * (as a site with "Comment must be manually approved" would, but for one post only).
 * Errors (duplicate, flood) and spam keep their verdict.
 */
add_filter('pre_comment_approved', function ($approved, $commentdata) {
    if (is_wp_error($approved) || 'spam' === $approved || 'trash' === $approved) return $approved;
    return get_post_meta((int) $commentdata['comment_post_ID'], '_news_widgets_hold_comments', true) ? 0 : $approved;
}, 20, 2);

/**
 * Every request of the tests comes from 127.0.0.1, and WordPress's flood rule (a second
 * comment within 15 s) keys on the author's IP address or email. On a real site each
 * reader has an address of their own: here, a reader's address is made up from the
 * email they give, so readers with different emails do not flood each other while one
 * reader posting twice within 15 s still meets the rule by both IP and email.
 */
$news_widgets_reader_address = function ($prepared) {
    $email = isset($prepared['comment_author_email']) ? strtolower(trim((string) $prepared['comment_author_email'])) : '';
    // REST comments carry the address already; HTML form posts (wp-comments-post.php) get it from the request later.
    $ip = $prepared['comment_author_IP'] ?? ($_SERVER['REMOTE_ADDR'] ?? '');
    if ('' !== $email && ('127.0.0.1' === $ip || '::1' === $ip)) {
        $bytes = array_map('ord', str_split(substr(md5($email, true), 0, 3)));
        $prepared['comment_author_IP'] = '10.' . implode('.', $bytes);
    }
    return $prepared;
};
add_filter('rest_preprocess_comment', $news_widgets_reader_address);
add_filter('preprocess_comment', $news_widgets_reader_address);

/** No email leaves the test site (new comments notify the post's author and moderators). */
add_filter('pre_wp_mail', '__return_false');
