/*
 * Under the preview the CMS talks to the preview's own backend: there is no account to sign in to.
 * The CMS restores a signed-in user from this entry before it starts, so it opens on the collections.
 */
(function () {
  'use strict';
  try {
    window.localStorage.setItem('decap-cms-user', JSON.stringify({ backendName: 'proxy' }));
  } catch (e) {
    // storage refused: the CMS shows its Login button, which signs in just as well
  }
})();
