"""newsfuse: articles from many outlets in; stories, who-said-what and cross-outlet comparison out."""

__version__ = "0.1.0"
