<?php
/**
 * One post: the article as HTML (what readers without JavaScript, and everyone before
 * the script runs, see), the approved comments, and WordPress's own comment form
 * inside <comment-form>, which takes it over once the script runs.
 */
?>
<news-article src="<?php echo esc_url(add_query_arg('_embed', '1', rest_url('wp/v2/posts/' . get_the_ID()))); ?>">
  <article slot="article" data-post-id="<?php the_ID(); ?>" data-modified="<?php echo esc_attr(get_the_modified_date('c')); ?>">
    <h1><?php the_title(); ?></h1>
    <p><?php the_author(); ?> · <time datetime="<?php echo esc_attr(get_the_date('c')); ?>"><?php echo esc_html(get_the_date()); ?></time></p>
    <?php the_content(); ?>
  </article>
  <?php if (get_comments_number()) : ?>
    <section aria-label="<?php esc_attr_e('Comments'); ?>">
      <ol class="comment-list"><?php wp_list_comments(['style' => 'ol', 'avatar_size' => 0], get_comments(['post_id' => get_the_ID(), 'status' => 'approve'])); ?></ol>
    </section>
  <?php endif; ?>
  <?php if (comments_open()) : ?>
    <comment-form<?php if (is_user_logged_in()) : ?> nonce="<?php echo esc_attr(wp_create_nonce('wp_rest')); ?>"<?php endif; ?>>
      <?php comment_form(); ?>
    </comment-form>
  <?php endif; ?>
</news-article>
