/*
 * The Active Directory page of keycloak-ad-federation. Signs the admin in at the realm serving the
 * page (authorization code flow with PKCE S256, public client ad-federation-console), keeps the
 * token in memory only, and calls /admin/realms/{realm}/ad-federation/... with it, so the admin's
 * own roles decide what is shown and allowed. Every value from the server is put into the page as
 * text, never as markup.
 */
(function () {
  'use strict';

  var TEXTS = {
    en: {
      title: 'Active Directory', signingIn: 'Signing you in…', signedInAs: 'Signed in as {0}, realm {1}.',
      noClient: 'This realm has no Active Directory provider, so the page cannot sign you in here.',
      noProviders: 'This realm has no ad-connector or ad-trust provider.', loading: 'Loading…',
      failed: 'The request failed: {0}', forbidden: 'Your admin roles do not allow this (view-realm is needed to look, manage-realm to approve).',
      dcs: 'Domain controllers', domain: 'Domain', dc: 'Domain controller', state: 'State', latency: 'Latency',
      lastError: 'Last error', ms: '{0} ms', notOpened: 'Could not be opened: {0}',
      'state.up': 'up', 'state.backed-off': 'backed off (unreachable)', 'state.unreachable': 'unreachable', 'state.unknown': 'unknown',
      lastSync: 'Last sync per domain', noSync: 'No sync has run on this server node since it started.',
      syncSummary: '{0} sync finished {1} in {2} ms: {3} objects read, {4} added, {5} updated, {6} removed, {7} failed.',
      kind: 'Kind', readMethod: 'Read method', objects: 'Objects read', cheaper: 'Right that would make changed syncs cheaper',
      guard: 'Deletion guard: {0}', guardPassed: 'Deletion guard: nothing held back.', refused: 'Trusted domains refused',
      pending: 'Pending removals', noPending: 'No removals wait for approval.',
      batch: 'Batch from {0}: {1}', name: 'Name', dn: 'Distinguished name', lastSeen: 'Last seen', group: 'Group',
      approve: 'Approve removal of {0} objects', approved: 'Approved by {0}: {1} users and {2} groups removed.',
      testUser: 'Test a user', userName: 'User name (user@domain, DOMAIN\\user or name)', test: 'Test',
      result: 'What Keycloak would do for {0}', account: 'Account state', reason: 'Reason', adGroups: 'AD groups',
      kcUser: 'Keycloak user', kcGroups: 'Keycloak groups', roles: 'Roles', claims: 'Claims (ID token of {0})', alsoIn: 'Also in',
      none: 'none',
      'user.enabled': 'enabled', 'user.disabled': 'disabled in Active Directory', 'user.expired': 'expired',
      'user.locked': 'locked out', 'user.outside-scope': 'outside the sign-in scope', 'user.not-imported': 'not synchronised',
      'user.disabled-in-keycloak': 'disabled in Keycloak', 'user.not-found': 'not found', 'user.unknown': 'unknown (directory unreachable)'
    },
    de: {
      title: 'Active Directory', signingIn: 'Sie werden angemeldet…', signedInAs: 'Angemeldet als {0}, Realm {1}.',
      noClient: 'Dieser Realm hat keinen Active-Directory-Anbieter, darum kann die Seite Sie hier nicht anmelden.',
      noProviders: 'Dieser Realm hat keinen ad-connector- oder ad-trust-Anbieter.', loading: 'Wird geladen…',
      failed: 'Die Anfrage ist fehlgeschlagen: {0}', forbidden: 'Ihre Admin-Rollen erlauben das nicht (view-realm zum Ansehen, manage-realm zum Freigeben).',
      dcs: 'Domänencontroller', domain: 'Domäne', dc: 'Domänencontroller', state: 'Zustand', latency: 'Antwortzeit',
      lastError: 'Letzter Fehler', ms: '{0} ms', notOpened: 'Konnte nicht geöffnet werden: {0}',
      'state.up': 'erreichbar', 'state.backed-off': 'zurückgestellt (nicht erreichbar)', 'state.unreachable': 'nicht erreichbar', 'state.unknown': 'unbekannt',
      lastSync: 'Letzte Synchronisation je Domäne', noSync: 'Seit dem Start dieses Serverknotens lief keine Synchronisation.',
      syncSummary: 'Synchronisation ({0}) beendet {1} in {2} ms: {3} Objekte gelesen, {4} hinzugefügt, {5} geändert, {6} entfernt, {7} fehlgeschlagen.',
      kind: 'Art', readMethod: 'Lesemethode', objects: 'Gelesene Objekte', cheaper: 'Recht, das geänderte Synchronisationen billiger machte',
      guard: 'Löschschutz: {0}', guardPassed: 'Löschschutz: nichts zurückgehalten.', refused: 'Abgelehnte vertraute Domänen',
      pending: 'Ausstehende Entfernungen', noPending: 'Keine Entfernungen warten auf Freigabe.',
      batch: 'Stapel vom {0}: {1}', name: 'Name', dn: 'Distinguished Name', lastSeen: 'Zuletzt gesehen', group: 'Gruppe',
      approve: 'Entfernung von {0} Objekten freigeben', approved: 'Freigegeben von {0}: {1} Benutzer und {2} Gruppen entfernt.',
      testUser: 'Benutzer testen', userName: 'Benutzername (user@domäne, DOMÄNE\\user oder Name)', test: 'Testen',
      result: 'Was Keycloak für {0} täte', account: 'Kontozustand', reason: 'Grund', adGroups: 'AD-Gruppen',
      kcUser: 'Keycloak-Benutzer', kcGroups: 'Keycloak-Gruppen', roles: 'Rollen', claims: 'Claims (ID-Token von {0})', alsoIn: 'Auch in',
      none: 'keine',
      'user.enabled': 'aktiv', 'user.disabled': 'im Active Directory deaktiviert', 'user.expired': 'abgelaufen',
      'user.locked': 'gesperrt', 'user.outside-scope': 'außerhalb des Anmeldebereichs', 'user.not-imported': 'nicht synchronisiert',
      'user.disabled-in-keycloak': 'in Keycloak deaktiviert', 'user.not-found': 'nicht gefunden', 'user.unknown': 'unbekannt (Verzeichnis nicht erreichbar)'
    }
  };
  var lang = document.documentElement.lang === 'de' ? 'de' : 'en';

  function t(key) {
    var text = TEXTS[lang][key] || TEXTS.en[key] || key;
    var args = Array.prototype.slice.call(arguments, 1);
    return text.replace(/\{(\d)\}/g, function (m, i) { return args[i] === undefined || args[i] === null ? '' : String(args[i]); });
  }

  // /<context>/realms/<realm>/ad-federation-console/
  var path = location.pathname;
  var at = path.indexOf('/realms/');
  var context = path.substring(0, at);
  var loginRealm = decodeURIComponent(path.substring(at + 8).split('/')[0]);
  var pageUrl = location.origin + context + '/realms/' + encodeURIComponent(loginRealm) + '/ad-federation-console/';
  var oidc = location.origin + context + '/realms/' + encodeURIComponent(loginRealm) + '/protocol/openid-connect/';
  var clientId = document.body.getAttribute('data-client');
  var token = null;
  var params = new URLSearchParams(location.search);

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function say(text, isError) {
    var message = document.getElementById('message');
    message.textContent = text;
    message.className = isError ? 'error' : '';
  }

  function base64url(bytes) {
    var text = '';
    bytes.forEach(function (b) { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function random() {
    return base64url(crypto.getRandomValues(new Uint8Array(32)));
  }

  function signIn() {
    var verifier = random();
    var state = random();
    sessionStorage.setItem('adfed.console', JSON.stringify({ verifier: verifier, state: state, search: location.search, lang: lang }));
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (hash) {
      var query = new URLSearchParams({
        client_id: clientId, redirect_uri: pageUrl, response_type: 'code', scope: 'openid', state: state,
        code_challenge: base64url(new Uint8Array(hash)), code_challenge_method: 'S256', ui_locales: lang
      });
      location.assign(oidc + 'auth?' + query.toString());
    });
  }

  function redeem(code, state) {
    var saved = JSON.parse(sessionStorage.getItem('adfed.console') || '{}');
    sessionStorage.removeItem('adfed.console');
    if (!saved.state || saved.state !== state) return Promise.reject(new Error('state mismatch'));
    var form = new URLSearchParams({
      grant_type: 'authorization_code', code: code, redirect_uri: pageUrl, client_id: clientId, code_verifier: saved.verifier
    });
    return fetch(oidc + 'token', { method: 'POST', body: form }).then(function (response) {
      if (!response.ok) throw new Error('token endpoint ' + response.status);
      return response.json();
    }).then(function (tokens) {
      token = tokens.access_token;
      // The language the page was opened in (the redirect back carries no ?lang=).
      if (saved.lang && TEXTS[saved.lang]) { lang = saved.lang; document.documentElement.lang = lang; }
      history.replaceState(null, '', pageUrl + (saved.search || ''));
      params = new URLSearchParams(saved.search || '');
    });
  }

  function api(method, target) {
    return fetch(target, { method: method, headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 401) { signIn(); throw new Error('401'); }
        return response.text().then(function (body) {
          var json = null;
          try { json = body ? JSON.parse(body) : null; } catch (e) { json = null; }
          return { status: response.status, ok: response.ok, body: json, text: body };
        });
      });
  }

  function problem(answer) {
    if (answer.status === 403) return t('forbidden');
    var why = answer.body && (answer.body.errorMessage || answer.body.error) || answer.text || String(answer.status);
    return t('failed', answer.status + ' ' + why);
  }

  var targetRealm = null;
  function adminBase() {
    return location.origin + context + '/admin/realms/' + encodeURIComponent(targetRealm);
  }

  function table(caption, headers, rows) {
    var head = el('tr', {}, headers.map(function (h) { return el('th', { scope: 'col' }, [h]); }));
    return el('table', {}, [el('caption', {}, [caption]), el('thead', {}, [head]),
      el('tbody', {}, rows.map(function (cells) {
        return el('tr', {}, cells.map(function (cell) { return el('td', {}, [cell]); }));
      }))]);
  }

  function stateCell(prefix, state) {
    return el('span', { 'class': 'state-' + state, 'data-state': state }, [t(prefix + state)]);
  }

  function renderDcs(section, status) {
    var rows = [];
    status.domains.forEach(function (domain) {
      if (domain.error) section.appendChild(el('p', { 'class': 'error' }, [t('notOpened', domain.error)]));
      domain.dcs.forEach(function (dc) {
        rows.push([domain.dnsName || '', dc.url, stateCell('state.', dc.state), t('ms', dc.latencyMs), dc.error || '']);
      });
    });
    section.appendChild(el('h3', {}, [t('dcs')]));
    section.appendChild(table(t('dcs') + ': ' + status.name, [t('domain'), t('dc'), t('state'), t('latency'), t('lastError')], rows));
    var refused = Object.keys(status.refusedDomains || {});
    if (refused.length) {
      section.appendChild(table(t('refused'), [t('domain'), t('reason')], refused.map(function (d) { return [d, status.refusedDomains[d]]; })));
    }
  }

  function renderSync(section, status) {
    section.appendChild(el('h3', {}, [t('lastSync')]));
    var last = status.lastSync;
    if (!last) { section.appendChild(el('p', { 'class': 'note' }, [t('noSync')])); return; }
    section.appendChild(el('p', { 'class': 'sync-summary' }, [t('syncSummary', last.kind, new Date(last.finished).toLocaleString(lang),
      last.durationMs, last.read, last.added, last.updated, last.removed, last.failed)]));
    section.appendChild(el('p', {}, [last.guard ? t('guard', last.guard) : t('guardPassed')]));
    var rows = status.domains.filter(function (d) { return d.lastSync; }).map(function (d) {
      return [d.dnsName, last.kind, d.lastSync.readMethod, String(d.lastSync.objects), d.lastSync.cheaperBy || '–'];
    });
    section.appendChild(table(t('lastSync') + ': ' + status.name, [t('domain'), t('kind'), t('readMethod'), t('objects'), t('cheaper')], rows));
  }

  function renderPending(section, status) {
    section.appendChild(el('h3', {}, [t('pending')]));
    var area = el('div', { 'class': 'pending' });
    section.appendChild(area);
    var outcome = el('p', { role: 'status', 'aria-live': 'polite', 'class': 'approval-outcome' });
    section.appendChild(outcome);
    api('GET', adminBase() + '/ad-federation/' + status.id + '/pending-removals').then(function (answer) {
      if (!answer.ok) { area.appendChild(el('p', { 'class': 'error' }, [problem(answer)])); return; }
      if (!answer.body.length) { area.appendChild(el('p', {}, [t('noPending')])); return; }
      answer.body.forEach(function (batch) {
        var entries = batch.users.map(function (u) { return [u.name || '', u.dn, u.lastSeen || '']; })
          .concat(batch.groups.map(function (g) { return [(g.name || '') + ' (' + t('group') + ')', g.dn, g.lastSeen || '']; }));
        area.appendChild(table(t('batch', new Date(batch.created).toLocaleString(lang), batch.reason || ''),
          [t('name'), t('dn'), t('lastSeen')], entries));
        var button = el('button', { type: 'button', 'class': 'approve', 'data-batch': batch.id }, [t('approve', entries.length)]);
        button.addEventListener('click', function () {
          button.disabled = true;
          api('POST', adminBase() + '/ad-federation/' + status.id + '/pending-removals/' + encodeURIComponent(batch.id) + '/approve')
            .then(function (result) {
              if (result.ok) {
                outcome.className = 'approval-outcome';
                outcome.textContent = t('approved', result.body.approvedBy, result.body.removedUsers.length, result.body.removedGroups.length);
              } else {
                button.disabled = false;
                outcome.className = 'approval-outcome error';
                outcome.textContent = problem(result);
              }
            });
        });
        area.appendChild(button);
      });
    });
  }

  function list(values) {
    return values && values.length ? values.join(', ') : t('none');
  }

  function renderTestUser(section, status) {
    section.appendChild(el('h3', {}, [t('testUser')]));
    var inputId = 'test-name-' + status.id;
    var input = el('input', { id: inputId, name: 'name', type: 'text', autocomplete: 'off', 'class': 'test-name' });
    var form = el('form', { 'class': 'test-user' }, [el('label', { 'for': inputId }, [t('userName')]), input,
      el('button', { type: 'submit' }, [t('test')])]);
    var out = el('div', { 'class': 'test-result', role: 'status', 'aria-live': 'polite' });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      out.textContent = t('loading');
      var query = new URLSearchParams({ name: input.value });
      api('GET', adminBase() + '/ad-federation/' + status.id + '/test-user?' + query.toString()).then(function (answer) {
        out.textContent = '';
        if (!answer.ok) { out.appendChild(el('p', { 'class': 'error' }, [problem(answer)])); return; }
        var r = answer.body;
        var items = [[t('domain'), r.domain || '–'], [t('dn'), r.dn || '–'], [t('account'), stateCell('user.', r.state)],
          [t('reason'), r.reason || '–'], [t('adGroups'), list(r.adGroups)], [t('kcUser'), r.keycloakUsername || '–'],
          [t('kcGroups'), list(r.keycloakGroups)], [t('roles'), list(r.roles)]];
        if (r.alsoFoundIn && r.alsoFoundIn.length) items.push([t('alsoIn'), list(r.alsoFoundIn)]);
        var dl = el('dl', {});
        items.forEach(function (item) { dl.appendChild(el('dt', {}, [item[0]])); dl.appendChild(el('dd', {}, [item[1]])); });
        out.appendChild(el('h4', {}, [t('result', r.name)]));
        out.appendChild(dl);
        if (r.claims) {
          out.appendChild(el('h4', {}, [t('claims', r.claims.client || '–')]));
          if (r.claims.note) out.appendChild(el('p', { 'class': 'note' }, [r.claims.note]));
          out.appendChild(el('pre', { 'class': 'claims', tabindex: '0' }, [JSON.stringify(r.claims.claims, null, 2)]));
        }
      });
    });
    section.appendChild(form);
    section.appendChild(out);
  }

  function renderProvider(component) {
    var section = el('section', { 'class': 'provider', 'data-component': component.id, 'aria-labelledby': 'h-' + component.id },
      [el('h2', { id: 'h-' + component.id }, [component.name + ' (' + component.providerId + ')'])]);
    var loading = el('p', {}, [t('loading')]);
    section.appendChild(loading);
    document.getElementById('providers').appendChild(section);
    return api('GET', adminBase() + '/ad-federation/' + component.id + '/status').then(function (answer) {
      section.removeChild(loading);
      if (!answer.ok) { section.appendChild(el('p', { 'class': 'error' }, [problem(answer)])); return; }
      renderDcs(section, answer.body);
      if (component.providerId === 'ad-trust') { renderSync(section, answer.body); renderPending(section, answer.body); }
      renderTestUser(section, answer.body);
      section.setAttribute('data-loaded', 'true');
    });
  }

  function start() {
    targetRealm = params.get('realm') || loginRealm;
    document.title = t('title') + ' – ' + targetRealm;
    say(t('loading'));
    api('GET', adminBase() + '/components?type=org.keycloak.storage.UserStorageProvider').then(function (answer) {
      if (!answer.ok) { say(problem(answer), true); return; }
      var ours = answer.body.filter(function (c) {
        return (c.providerId === 'ad-connector' || c.providerId === 'ad-trust') && (!params.get('component') || params.get('component') === c.id);
      });
      if (!ours.length) { say(t('noProviders')); return; }
      var claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      say(t('signedInAs', claims.preferred_username, targetRealm));
      Promise.all(ours.map(renderProvider)).then(function () { document.body.setAttribute('data-ready', 'true'); });
    });
  }

  document.getElementById('title').textContent = t('title');
  if (!clientId) { say(t('noClient'), true); return; }
  if (params.get('code') && params.get('state')) {
    say(t('signingIn'));
    redeem(params.get('code'), params.get('state')).then(start, function (e) { say(t('failed', e.message), true); });
  } else if (params.get('error')) {
    say(t('failed', params.get('error_description') || params.get('error')), true);
  } else {
    say(t('signingIn'));
    signIn();
  }
})();
