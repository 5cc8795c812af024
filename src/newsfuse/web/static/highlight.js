// Progressive enhancement for the article page: a link without the #hl fragment still scrolls the
// highlighted source characters into view. Reading needs no JavaScript: every link the UI makes has #hl.
"use strict";
(function () {
  var mark = document.getElementById("hl");
  if (mark && !window.location.hash) {
    mark.scrollIntoView({ block: "center" });
  }
})();
