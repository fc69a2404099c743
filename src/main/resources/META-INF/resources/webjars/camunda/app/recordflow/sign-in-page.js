// Recordflow signs people in on its own page (Spring Security). Camunda's built-in login view, which
// Tasklist, Cockpit and Admin show after their "Log out" or when a session has expired, cannot sign
// anyone in here: send the browser to Recordflow's sign-in page instead.
const SIGN_IN_PAGE = '/login';

function leaveCamundaLoginView() {
  if (window.location.hash.startsWith('#/login')) {
    window.location.replace(SIGN_IN_PAGE);
  }
}

window.addEventListener('hashchange', leaveCamundaLoginView);
leaveCamundaLoginView();

export default [];
