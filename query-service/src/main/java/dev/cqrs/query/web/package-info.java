/**
 * What every endpoint shares on the HTTP side: problem details for invalid input and unreachable stores, the page
 * limit, CORS and the OpenAPI description. Depends on no feature.
 */
package dev.cqrs.query.web;
