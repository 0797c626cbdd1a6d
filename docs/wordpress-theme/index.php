<?php
/**
 * Every page of the theme: a list of posts, or one post with its comments.
 */
?><!doctype html>
<html <?php language_attributes(); ?>>
<head>
  <meta charset="<?php bloginfo('charset'); ?>">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <?php wp_head(); ?>
</head>
<body <?php body_class(); ?>>
<?php wp_body_open(); ?>
<main>
<?php if (is_singular('post')) : ?>
  <?php while (have_posts()) : the_post(); ?>
    <?php get_template_part('template-parts/post'); ?>
  <?php endwhile; ?>
<?php else : ?>
  <h1><?php bloginfo('name'); ?></h1>
  <ul>
  <?php while (have_posts()) : the_post(); ?>
    <li><a href="<?php the_permalink(); ?>"><?php the_title(); ?></a></li>
  <?php endwhile; ?>
  </ul>
<?php endif; ?>
</main>
<?php wp_footer(); ?>
</body>
</html>
