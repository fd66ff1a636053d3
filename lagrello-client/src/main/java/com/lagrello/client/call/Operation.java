package com.lagrello.client.call;

/**
 * An operation of the Lagrello API as the call pipeline sees it: its id (the API's
 * operation id, the observation's {@code operation}), the URI template its requests are
 * observed under, and its own rules. The rules are the operation's to state: the pipeline
 * applies them and takes no flags or callbacks for them.
 *
 * @param id the API's operation id, for example {@code tokens/delete}
 * @param uriTemplate the path template of its requests, for example
 * {@code /v1/tokens/{id}}
 * @param retry which failures a repeated request may follow
 * @param answer what an error answer the call ends with means
 */
public record Operation(String id, String uriTemplate, RetryRule retry, AnswerRule answer) {

}
