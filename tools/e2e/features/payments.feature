Feature: Payments and invoices
  The kiosk pre-authorises the customer's card at checkout, so that nobody can order what they never collect. When
  the order is ready the customer is invoiced for its total; they review the invoice at the depot and pay it, and
  the order is completed.

  Background:
    Given the participating store "Nic & Naks" sells:
      | product      | price |
      | Crystal ball | 25.00 |
    And the registered customer "Alice"

  Scenario: A pre-authorised card pays for an order up to its amount
    Given Alice has a basket with 3 "Crystal ball"
    When Alice's card is pre-authorised for 80.00
    And Alice checks out
    Then Alice's order is approved

  Scenario Outline: A pre-authorisation needs a customer and a positive amount (<amount> for <whom>)
    When the kiosk tries to pre-authorise <amount> for <whom>
    Then it is refused because "<reason>"

    Examples:
      | amount | whom      | reason                                      |
      | 0.00   | Alice     | the payment amount must be greater than zero |
      | -5.00  | Alice     | the payment amount must be greater than zero |
      | 10.00  | no one    | the customer id cannot be blank              |

  Scenario: The customer pays the invoice and the order is completed
    Given Alice's order for 3 "Crystal ball" is ready for pickup
    Then Alice has an invoice of 75.00 to pay
    When Alice pays her invoice
    Then Alice's invoice is paid
    And Alice's order is completed

  Scenario: Paying an invoice a second time changes nothing
    Given Alice's order for 1 "Crystal ball" is ready for pickup
    And Alice has paid her invoice
    When Alice pays her invoice again
    Then Alice's invoice is paid
    And Alice's order is completed

  Scenario: A cancelled invoice cannot be paid
    Given Alice's order for 1 "Crystal ball" is ready for pickup
    When depot staff cancel Alice's invoice
    Then Alice's invoice is canceled
    When Alice tries to pay her invoice
    Then it is refused because "invoice cannot be paid for"
    And Alice's invoice is canceled
