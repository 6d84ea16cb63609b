Feature: Customers
  Mall visitors register with their name and an SMS number, where they are texted about their orders. Staff can
  disable a customer, whose orders are then no longer accepted, and enable them again.

  Scenario: A customer registers
    When "John Smith" registers with the SMS number "555-0100"
    Then "John Smith" is a customer with the SMS number "555-0100"
    And "John Smith" may place orders

  Scenario Outline: A customer needs a name and an SMS number (<reason>)
    When someone tries to register with the name "<name>" and the SMS number "<sms number>"
    Then it is refused because "<reason>"

    Examples:
      | name       | sms number | reason                            |
      |            | 555-0101   | the customer name cannot be blank |
      | Jane Smith |            | the SMS number cannot be blank    |

  Scenario: A customer changes their SMS number
    Given the registered customer "John Smith" with the SMS number "555-0100"
    When "John Smith" changes their SMS number to "555-0199"
    Then "John Smith" is a customer with the SMS number "555-0199"

  Scenario: The SMS number cannot be taken away
    Given the registered customer "John Smith" with the SMS number "555-0100"
    When "John Smith" tries to change their SMS number to ""
    Then it is refused because "the SMS number cannot be blank"
    And "John Smith" is a customer with the SMS number "555-0100"

  Scenario: Staff disable a customer and enable them again
    Given the registered customer "John Smith"
    When staff disable "John Smith"
    Then "John Smith" may not place orders
    When staff enable "John Smith"
    Then "John Smith" may place orders

  Scenario: A disabled customer cannot be disabled again
    Given the registered customer "John Smith"
    And staff have disabled "John Smith"
    When staff try to disable "John Smith"
    Then it is refused because "the customer is already disabled"
    And "John Smith" may not place orders

  Scenario: An enabled customer cannot be enabled again
    Given the registered customer "John Smith"
    When staff try to enable "John Smith"
    Then it is refused because "the customer is already enabled"
