Feature: Text messages to customers
  Customers are texted at their SMS number when their order is received, when it cannot be accepted, when it is
  ready for pickup and when it is cancelled (see the cancellation feature). A disabled customer is not texted: the
  texts are withheld.

  # What was texted is read from the SMS provider's sandbox (the notifications service's own log), the one place
  # the specifications look past the gateway; see tools/e2e/README.md. {order} stands for the order's number.

  Background:
    Given the participating store "Nic & Naks" sells:
      | product      | price |
      | Crystal ball | 25.00 |
    And the registered customer "Alice" with the SMS number "555-0101"

  Scenario: The customer is texted when the order is received and when it is ready
    Given Alice's order for 1 "Crystal ball" has been approved
    Then Alice is texted at "555-0101":
      """
      Hi Alice, we received your order {order}. We will text you when it is ready for pickup.
      """
    When a bot shops Alice's order and depot staff complete it
    Then Alice's order is ready for pickup
    And Alice is texted at "555-0101":
      """
      Hi Alice, your order {order} is ready for pickup at the MallBots depot.
      """

  Scenario: The customer is told when an order cannot be accepted
    Given Alice has a basket with 2 "Crystal ball"
    And Alice's card is pre-authorised for 30.00
    When Alice checks out
    Then Alice's order is rejected
    And Alice is texted at "555-0101":
      """
      Hi Alice, sorry, we could not accept your order {order}. It will not be shopped.
      """

  Scenario: Texts go to the customer's new SMS number
    Given "Alice" has changed their SMS number to "555-0199"
    When Alice places an order for 1 "Crystal ball"
    Then Alice is texted at "555-0199":
      """
      Hi Alice, we received your order {order}. We will text you when it is ready for pickup.
      """

  Scenario: A disabled customer is not texted
    Given staff have disabled "Alice"
    When Alice places an order for 1 "Crystal ball"
    Then Alice's order is rejected
    And Alice is sent no text about her order; these are withheld:
      """
      Hi Alice, we received your order {order}. We will text you when it is ready for pickup.
      Hi Alice, sorry, we could not accept your order {order}. It will not be shopped.
      """
